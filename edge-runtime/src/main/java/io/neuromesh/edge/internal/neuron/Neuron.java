package io.neuromesh.edge.internal.neuron;

import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.topology.NeuronMode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One neuron's state machine, exactly as the user contract defines the two modes. Pure logic: time comes in as an
 * argument (epoch microseconds) so tests drive it with a controllable clock, and effects come out as an
 * {@link Outcome} for the runtime to publish. Not thread-safe: owned by the runtime's brain thread.
 *
 * <ul>
 *   <li>LEVEL: keeps the latest value per source; output = 1 when sum(weight x value) >= threshold.</li>
 *   <li>SPIKE: an input counts for the input window; on each input the live weighted sum is compared with the
 *   threshold; firing sets output 1, sends a spike downstream, and starts the refractory period, after which the
 *   output returns to 0 ({@link #tick}). Inputs during the refractory period are recorded but cannot fire it.</li>
 * </ul>
 */
public final class Neuron {

    /** What the runtime must do after an event. */
    public enum Outcome {
        /** Nothing to publish. */
        NONE,
        /** The output changed (LEVEL, also at the end of a forced pulse): publish it and send it downstream. */
        OUTPUT_CHANGED,
        /** The neuron fired: publish output 1 and send 1 to every downstream neuron. */
        FIRED,
        /** The refractory period ended (SPIKE): publish output 0; nothing goes downstream. */
        RESTED
    }

    private final String id;
    private final EventLog log;
    private final Slots slots = new Slots();
    private NeuronMode mode;
    private double threshold;
    private long windowMicros;
    private long refractoryMicros;
    private int output;
    private double lastSum;
    private long refractoryUntil = Long.MIN_VALUE;
    private long pulseUntil = Long.MIN_VALUE; // LEVEL: end of a forced pulse that holds the output at 1
    private long lastFired = Long.MIN_VALUE;
    private long inputs;
    private long fires;
    private long ignored;

    public Neuron(String id, NeuronMode mode, double threshold, Duration inputWindow, Duration refractory,
                  Map<String, Double> weights, int eventCapacity) {
        this.id = id;
        this.log = new EventLog(eventCapacity);
        apply(mode, threshold, inputWindow, refractory, weights);
        this.output = mode == NeuronMode.LEVEL && sum(0) >= threshold ? 1 : 0;
    }

    private void apply(NeuronMode mode, double threshold, Duration inputWindow, Duration refractory,
                       Map<String, Double> weights) {
        this.mode = mode;
        this.threshold = threshold;
        this.windowMicros = inputWindow.toNanos() / 1000;
        this.refractoryMicros = refractory.toNanos() / 1000;
        slots.weigh(weights);
    }

    /** An input from {@code source} arrived at {@code now} (epoch microseconds). */
    public Outcome onInput(String source, double value, long now) {
        return record(source, value, now) ? evaluate(source, value, now) : Outcome.NONE;
    }

    /** Discrete time: all inputs of one tick at {@code now}, then one evaluation (no output from part of them). */
    public Outcome onWave(Map<String, Double> wave, long now) {
        String last = null;
        for (Map.Entry<String, Double> input : wave.entrySet()) {
            last = record(input.getKey(), input.getValue(), now) ? input.getKey() : last;
        }
        return last == null ? Outcome.NONE : evaluate(last, wave.get(last), now);
    }

    private boolean record(String source, double value, long now) {
        int slot = slots.find(source);
        if (slot < 0) {
            ignored++;
            log.addLimited(now, EventKind.IGNORED, source, lastSum);
            return false;
        }
        inputs++;
        slots.set(slot, value, now);
        lastSum = sum(now);
        log.add(now, EventKind.INPUT, source, value, lastSum);
        return true;
    }

    private Outcome evaluate(String source, double value, long now) {
        if (mode == NeuronMode.LEVEL) {
            return settle(now);
        }
        if (isRefractory(now)) {
            log.add(now, EventKind.REFRACTORY, source, value, lastSum);
            return Outcome.NONE;
        }
        return lastSum >= threshold ? fire(now, EventKind.FIRED) : Outcome.NONE;
    }

    /**
     * The {@code fire} command: fires now whatever the inputs. SPIKE: restarts the refractory period. LEVEL: holds
     * the output at 1 for the refractory period (a second fire extends it); then {@link #tick} re-evaluates the
     * inputs, which are recorded meanwhile.
     */
    public Outcome forceFire(long now) {
        return fire(now, EventKind.FORCED);
    }

    private Outcome fire(long now, EventKind kind) {
        fires++;
        lastFired = now;
        log.add(now, kind, null, 1, lastSum);
        if (mode == NeuronMode.SPIKE) {
            refractoryUntil = now + refractoryMicros;
        } else {
            pulseUntil = now + refractoryMicros;
        }
        if (output != 1) {
            output = 1;
            log.add(now, EventKind.OUTPUT, null, 1, lastSum);
        }
        return Outcome.FIRED;
    }

    /**
     * Time passed: in SPIKE mode, ends the refractory period once {@code now} reaches it (output back to 0); in
     * LEVEL mode, ends a forced pulse (output back to what the inputs say). Call it at {@link #deadline()}.
     */
    public Outcome tick(long now) {
        if (mode == NeuronMode.LEVEL) {
            return pulseUntil == Long.MIN_VALUE ? Outcome.NONE : settle(now);
        }
        if (output == 1 && now >= refractoryUntil) {
            output = 0;
            log.add(now, EventKind.OUTPUT, null, 0, lastSum);
            return Outcome.RESTED;
        }
        return Outcome.NONE;
    }

    /** When {@link #tick} next has something to do (epoch microseconds), or {@link Long#MAX_VALUE}. */
    public long deadline() {
        long until = mode == NeuronMode.LEVEL ? pulseUntil : output == 1 ? refractoryUntil : Long.MIN_VALUE;
        return until == Long.MIN_VALUE ? Long.MAX_VALUE : until;
    }

    /**
     * The topology changed this neuron: new settings and incoming weights. Inputs from sources that are still
     * connected are kept; a LEVEL neuron re-evaluates at once (a weight flip changes its output without a new input).
     */
    public Outcome reconfigure(NeuronMode mode, double threshold, Duration inputWindow, Duration refractory,
                               Map<String, Double> weights, long now) {
        NeuronMode before = this.mode;
        apply(mode, threshold, inputWindow, refractory, weights);
        log.add(now, EventKind.RECONFIGURED, null, 0, lastSum);
        if (mode == NeuronMode.LEVEL) {
            lastSum = sum(now);
            return settle(now);
        }
        if (before == NeuronMode.LEVEL && output == 1) {
            // A LEVEL output of 1 is not a spike: a neuron switched to SPIKE starts at rest.
            pulseUntil = Long.MIN_VALUE;
            output = 0;
            log.add(now, EventKind.OUTPUT, null, 0, lastSum);
            return Outcome.RESTED;
        }
        return Outcome.NONE;
    }

    /**
     * Seeds the inputs of a neuron that just started on this node (it moved here, or its node restarted) from the
     * fleet's retained state: each upstream neuron's last output and the last sensor values. A LEVEL neuron
     * recomputes its output from them; a SPIKE neuron starts at rest (spikes are transient).
     *
     * @return the output it now has
     */
    public int restore(Map<String, Double> inputs, long now) {
        inputs.forEach((source, value) -> {
            int slot = slots.find(source);
            if (slot >= 0) {
                slots.set(slot, value, now);
            }
        });
        pulseUntil = Long.MIN_VALUE;
        lastSum = mode == NeuronMode.LEVEL ? sum(now) : lastSum;
        output = mode == NeuronMode.LEVEL && lastSum >= threshold ? 1 : 0;
        log.add(now, EventKind.RESTORED, null, output, lastSum);
        return output;
    }

    /** Whether the incoming weights are {@code weights}: the same sources with equal weights, in any order. */
    public boolean weighs(Map<String, Double> weights) {
        return slots.weighs(weights);
    }

    /** The latest value received from {@code source}, or NaN when none arrived (or it has no synapse here). */
    public double inputValue(String source) {
        int slot = slots.find(source);
        return slot < 0 || !slots.present(slot) ? Double.NaN : slots.value(slot);
    }

    /** LEVEL: the output the inputs say, unless a forced pulse still holds it at 1. */
    private Outcome settle(long now) {
        if (pulseUntil != Long.MIN_VALUE) {
            if (now < pulseUntil) {
                return Outcome.NONE;
            }
            pulseUntil = Long.MIN_VALUE;
            lastSum = sum(now);
            log.add(now, EventKind.SETTLED, null, lastSum >= threshold ? 1 : 0, lastSum);
        }
        int next = lastSum >= threshold ? 1 : 0;
        if (next == output) {
            return Outcome.NONE;
        }
        output = next;
        log.add(now, EventKind.OUTPUT, null, next, lastSum);
        return Outcome.OUTPUT_CHANGED;
    }

    /** The weighted sum of the inputs: LEVEL every latest input, SPIKE those still inside the input window. */
    private double sum(long now) {
        return slots.sum(now, mode == NeuronMode.LEVEL ? -1 : windowMicros);
    }

    private boolean isRefractory(long now) {
        return now < refractoryUntil || now < pulseUntil;
    }

    public String id() {
        return id;
    }

    public NeuronMode mode() {
        return mode;
    }

    /** The current output, 0 or 1. */
    public int output() {
        return output;
    }

    /** The weighted sum computed at the last input. */
    public double lastSum() {
        return lastSum;
    }

    public EventLog log() {
        return log;
    }

    /** A copy of the current state for {@code inspect} (the reference's {@code getConfig}). */
    public Inspection.Neuron snapshot(long now, List<String> downstream) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Inspection.Input> current = new LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            weights.put(slots.source(i), slots.weight(i));
            if (slots.present(i)) {
                boolean live = mode == NeuronMode.LEVEL || now - slots.at(i) < windowMicros;
                current.put(slots.source(i), new Inspection.Input(slots.value(i), instant(slots.at(i)), live));
            }
        }
        return new Inspection.Neuron(id, mode, threshold, Duration.ofMillis(windowMicros / 1000),
                Duration.ofMillis(refractoryMicros / 1000), output, lastSum, isRefractory(now), weights, current,
                downstream, lastFired == Long.MIN_VALUE ? Optional.empty() : Optional.of(instant(lastFired)), inputs,
                fires, ignored);
    }

    private static Instant instant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
