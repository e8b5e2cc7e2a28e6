package io.neuromesh.gpio.internal.pwm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SoftwarePwmTest {

    private final BlockingQueue<Boolean> levels = new LinkedBlockingQueue<>();

    @Test
    void startsLowAndHoldsHighAtFullDuty() throws InterruptedException {
        try (SoftwarePwm pwm = new SoftwarePwm("test-pwm", 200, 0, levels::add)) {
            assertEquals(false, levels.take());

            pwm.setDutyPercent(100);

            assertEquals(true, levels.take());
            assertEquals(100.0, pwm.dutyPercent());
        }
    }

    @Test
    void startsAtTheInitialDuty() throws InterruptedException {
        try (SoftwarePwm pwm = new SoftwarePwm("test-pwm", 200, 100, levels::add)) {
            assertEquals(true, levels.take());
            assertEquals(100.0, pwm.dutyPercent());
        }
    }

    @Test
    void togglesBetweenBothLevelsAtPartialDuty() throws InterruptedException {
        try (SoftwarePwm pwm = new SoftwarePwm("test-pwm", 1000, 0, levels::add)) {
            assertEquals(false, levels.take());

            pwm.setDutyPercent(50);

            for (int i = 0; i < 3; i++) {
                assertEquals(true, levels.take());
                assertEquals(false, levels.take());
            }
        }
    }

    @Test
    void closeStopsTheThread() {
        SoftwarePwm pwm = new SoftwarePwm("test-pwm-close", 1000, 0, levels::add);
        pwm.setDutyPercent(50);

        pwm.close();
        pwm.close();

        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("test-pwm-close")));
    }
}
