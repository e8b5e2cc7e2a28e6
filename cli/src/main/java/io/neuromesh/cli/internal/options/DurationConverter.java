package io.neuromesh.cli.internal.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are typed on the command line: a number and a unit, {@code 300ms}, {@code 5s}, {@code 2m},
 * {@code 1h}; a bare number means seconds, as it always did. {@link #format(Duration)} writes them back the same way
 * for the defaults that help shows.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * @param text e.g. {@code 300ms}, {@code 1.5s}, {@code 2m}
     * @return the duration, rounded down to whole milliseconds
     * @throws TypeConversionException saying what a duration looks like
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration; use a number and a unit: 300ms, 5s,"
                    + " 2m or 1h");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long millisPerUnit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        try {
            return Duration.ofMillis(amount.multiply(BigDecimal.valueOf(millisPerUnit)).setScale(0, RoundingMode.DOWN)
                    .longValueExact());
        } catch (ArithmeticException tooLong) {
            throw new TypeConversionException("'" + text + "' is too long a duration");
        }
    }

    /**
     * @param duration a duration of whole milliseconds
     * @return it in the largest unit that keeps it whole: {@code 300ms}, {@code 5s}, {@code 2m}, {@code 1h};
     *         {@code 3.5s} for a duration that is whole only in milliseconds but shorter than a minute
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis > 1_000 && millis < 60_000 ? BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()
                + "s" : millis + "ms";
    }
}
