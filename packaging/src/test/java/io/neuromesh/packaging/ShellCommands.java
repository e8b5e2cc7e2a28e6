package io.neuromesh.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The simple commands of a POSIX shell command line, as {@code /bin/sh -c} would run them, for checking the
 * {@code neuromesh} ones against the command line: pipelines and lists ({@code |}, {@code ;}, {@code &&},
 * {@code ||}) are split, quotes removed, redirections dropped. Variables and {@code $(...)} are left as written
 * (inside double quotes they stay part of their word). What it does not understand (backquotes, subshells,
 * here-documents, an unclosed quote) fails, so a health check it cannot read is reported rather than skipped.
 */
final class ShellCommands {

    private static final Set<String> SEPARATORS = Set.of("|", ";", "&&", "||");
    private static final Set<String> REDIRECTS = Set.of(">", ">>", "<", "2>", "2>>", "&>");

    private ShellCommands() {
    }

    /** @return each simple command's words, in order */
    static List<List<String>> of(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<Token> tokens = tokens(line);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.operator() && SEPARATORS.contains(token.text())) {
                addIfAny(commands, current, line);
                current = new ArrayList<>();
            } else if (token.operator() && REDIRECTS.contains(token.text())) {
                i++; // its target
                if (i >= tokens.size() || tokens.get(i).operator()) {
                    throw new IllegalArgumentException("redirection without a target in: " + line);
                }
            } else if (token.operator() && token.text().matches("[0-9]?>&[0-9]")) {
                continue; // 2>&1
            } else if (token.operator()) {
                throw new IllegalArgumentException("unsupported shell operator '" + token.text() + "' in: " + line);
            } else {
                current.add(token.text());
            }
        }
        addIfAny(commands, current, line);
        return commands;
    }

    private static void addIfAny(List<List<String>> commands, List<String> words, String line) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command in: " + line);
        }
        commands.add(List.copyOf(words));
    }

    private record Token(String text, boolean operator) {
    }

    private static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                word = flush(tokens, word);
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + line);
                }
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                i = doubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing \\ in: " + line);
                }
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '`' || c == '(' || c == ')' || (c == '<' && line.startsWith("<<", i))) {
                throw new IllegalArgumentException("unsupported shell syntax '" + c + "' at " + i + " in: " + line);
            } else if (c == '$' && line.startsWith("$(", i)) {
                int end = line.indexOf(')', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed $( in: " + line);
                }
                word = word == null ? new StringBuilder() : word;
                word.append(line, i, end + 1);
                i = end + 1;
            } else if ("|;&<>".indexOf(c) >= 0 || (Character.isDigit(c) && word == null && i + 1 < line.length()
                    && line.charAt(i + 1) == '>')) {
                word = flush(tokens, word);
                int end = i + 1;
                while (end < line.length() && "|;&<>0123456789".indexOf(line.charAt(end)) >= 0) {
                    end++;
                }
                tokens.add(new Token(line.substring(i, end), true));
                i = end;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
                i++;
            }
        }
        flush(tokens, word);
        return tokens;
    }

    /** Appends a double-quoted string's contents from {@code start} and returns the index after its closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                throw new IllegalArgumentException("unsupported shell syntax '`' at " + i + " in: " + line);
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed \" in: " + line);
    }

    private static StringBuilder flush(List<Token> tokens, StringBuilder word) {
        if (word != null) {
            tokens.add(new Token(word.toString(), false));
        }
        return null;
    }
}
