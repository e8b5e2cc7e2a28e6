package io.neuromesh.gpio.internal.pwm;

/**
 * One PWM period split into its high and low parts.
 *
 * @param highNanos how long the pin is high, in nanoseconds
 * @param lowNanos  how long the pin is low, in nanoseconds
 */
public record PwmSplit(long highNanos, long lowNanos) {

    /**
     * @param dutyPercent physical duty, 0-100
     * @param frequencyHz PWM frequency, positive
     * @return the split of one period; one part is zero at 0 % and 100 %
     */
    public static PwmSplit of(double dutyPercent, int frequencyHz) {
        long period = 1_000_000_000L / frequencyHz;
        long high = Math.round(period * dutyPercent / 100.0);
        return new PwmSplit(high, period - high);
    }

    /**
     * @return true when the pin stays at one level (duty 0 % or 100 %) and nothing needs toggling
     */
    public boolean isSteady() {
        return highNanos == 0 || lowNanos == 0;
    }
}
