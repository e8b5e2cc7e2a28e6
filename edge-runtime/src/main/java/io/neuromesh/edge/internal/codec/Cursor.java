package io.neuromesh.edge.internal.codec;

import java.nio.charset.StandardCharsets;

/** A read position over an input payload's bytes, for {@link InputDecoder}. Not thread-safe. */
final class Cursor {
    private final byte[] b;
    private int i;

    Cursor(byte[] bytes) {
        this.b = bytes;
    }

    boolean atEnd() {
        return i >= b.length;
    }

    int position() {
        return i;
    }

    int peek() throws BadInputException {
        if (i >= b.length) {
            throw new BadInputException("unexpected end of input at byte " + i);
        }
        return b[i] & 0xFF;
    }

    void advance() {
        i++;
    }

    void skipSpace() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
    }

    void expect(char ch) throws BadInputException {
        if (peek() != ch) {
            throw new BadInputException("expected '" + ch + "' at byte " + i);
        }
        i++;
    }

    boolean matchesRest(byte[] word) {
        int end = b.length;
        while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == '\t')) {
            end--;
        }
        if (end - i != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[i + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    String string() throws BadInputException {
        if (peek() != '"') {
            throw new BadInputException("expected a string at byte " + i);
        }
        i++;
        int start = i;
        boolean plain = true;
        while (true) {
            int ch = peek();
            if (ch == '"') {
                break;
            }
            if (ch < 0x20) {
                throw new BadInputException("control character in a string at byte " + i);
            }
            if (ch == '\\') {
                plain = false;
                i += 2;
            } else {
                i++;
            }
        }
        int end = i;
        i++;
        if (plain) {
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }
        return unescape(start, end);
    }

    private String unescape(int start, int end) throws BadInputException {
        StringBuilder out = new StringBuilder(end - start);
        int k = start;
        while (k < end) {
            byte ch = b[k];
            if (ch != '\\') {
                int runEnd = k;
                while (runEnd < end && b[runEnd] != '\\') {
                    runEnd++;
                }
                out.append(new String(b, k, runEnd - k, StandardCharsets.UTF_8));
                k = runEnd;
                continue;
            }
            if (k + 1 >= end) {
                throw new BadInputException("bad escape at byte " + k);
            }
            byte e = b[k + 1];
            switch (e) {
                case '"', '\\', '/' -> out.append((char) e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (k + 6 > end) {
                        throw new BadInputException("bad \\u escape at byte " + k);
                    }
                    try {
                        out.append((char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException bad) {
                        throw new BadInputException("bad \\u escape at byte " + k);
                    }
                    k += 4;
                }
                default -> throw new BadInputException("bad escape at byte " + k);
            }
            k += 2;
        }
        return out.toString();
    }

    double number(String field) throws BadInputException {
        int start = i;
        if (i < b.length && b[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == intStart || (b[intStart] == '0' && i - intStart > 1)) {
            throw new BadInputException(field + ": must be a number");
        }
        if (i < b.length && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == fracStart) {
                throw new BadInputException(field + ": must be a number");
            }
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expStart = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == expStart) {
                throw new BadInputException(field + ": must be a number");
            }
        }
        double value = Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII));
        if (!Double.isFinite(value)) {
            throw new BadInputException(field + ": must be a finite number");
        }
        return value;
    }

    boolean bool(String field) throws BadInputException {
        if (matchWord("true")) {
            return true;
        }
        if (matchWord("false")) {
            return false;
        }
        throw new BadInputException(field + ": must be true or false");
    }

    private boolean matchWord(String word) {
        if (i + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        return true;
    }
}
