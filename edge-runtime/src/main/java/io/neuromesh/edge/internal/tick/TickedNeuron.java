package io.neuromesh.edge.internal.tick;

import io.neuromesh.edge.internal.neuron.Neuron;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One neuron in discrete time: it buffers the inputs of each tick and evaluates a tick once (with
 * {@link Neuron#onWave}), when every source that could still add to it has completed it. Sensors complete a tick by
 * the clock ({@link TickTime#closesAt}); an upstream neuron completes it when it says so, with its new value for that
 * tick or with a progress note. An upstream neuron still silent at {@link TickTime#timeoutAt} is given up on: the
 * tick completes without it, and it is not waited for again until it speaks. An input for a tick already completed
 * is late: it joins the next open tick. Pure logic with a controllable clock (epoch microseconds as arguments); not
 * thread-safe.
 */
public final class TickedNeuron {

    /**
     * What one completed tick did.
     *
     * @param tick      the tick
     * @param output    the output after it, 0 or 1
     * @param changed   whether the output changed in it
     * @param fired     whether the neuron fired in it (spike mode, or a fire command)
     * @param hadInputs whether any input or fire command was part of it (else only a timer ran)
     * @param gaveUpOn  the upstream neurons it completed without (timed out)
     */
    public record Settled(long tick, int output, boolean changed, boolean fired, boolean hadInputs,
                          List<String> gaveUpOn) {
    }

    /** What is known about one upstream neuron. */
    private static final class Upstream {
        long done;
        boolean silent;
    }

    /** The inputs of one tick: the latest value per source by source time, and whether a fire command came. */
    private static final class Wave {
        final Map<String, Double> values = new TreeMap<>();
        final Map<String, Long> at = new HashMap<>();
        boolean fire;
    }

    private final Neuron neuron;
    private final TickTime time;
    private final boolean clockDriven;
    private final Map<String, Upstream> upstream = new TreeMap<>();
    private final TreeMap<Long, Wave> waves = new TreeMap<>();
    private long completed;
    private long late;
    private long timeouts;

    /**
     * @param neuronSources the upstream neurons (they report their ticks)
     * @param sensorSources whether sensors feed it too (they complete ticks by the clock)
     * @param nowMicros     now: every tick whose sensor inputs are no longer on time counts as completed
     */
    public TickedNeuron(Neuron neuron, TickTime time, Collection<String> neuronSources, boolean sensorSources,
                        long nowMicros) {
        this.neuron = neuron;
        this.time = time;
        this.clockDriven = sensorSources || neuronSources.isEmpty();
        this.completed = time.lastClosed(nowMicros);
        for (String source : neuronSources) {
            upstream.computeIfAbsent(source, s -> new Upstream()).done = completed;
        }
    }

    /**
     * An input from a sensor or an upstream neuron, for {@code tick}; {@code sourceMicros} orders two inputs of one
     * source in one tick (the later wins).
     *
     * @return true when it is late (its tick was completed): it joins the next open tick
     */
    public boolean input(String source, double value, long tick, long sourceMicros) {
        reported(source, tick);
        boolean isLate = tick <= completed;
        long into = isLate ? completed + 1 : tick;
        if (isLate) {
            late++;
        }
        Wave wave = waves.computeIfAbsent(into, k -> new Wave());
        Long before = wave.at.get(source);
        if (before == null || before <= sourceMicros) {
            wave.values.put(source, value);
            wave.at.put(source, sourceMicros);
        }
        return isLate;
    }

    /** An upstream neuron completed every tick up to {@code tick} without a new value (a progress note). */
    public void progress(String source, long tick) {
        reported(source, tick);
    }

    private void reported(String source, long tick) {
        Upstream u = upstream.get(source);
        if (u != null) {
            u.done = Math.max(u.done, tick);
            u.silent = false;
        }
    }

    /** The {@code fire} command, received at {@code nowMicros}: fires in the tick of now (or the next open one). */
    public void fire(long nowMicros) {
        waves.computeIfAbsent(Math.max(time.tickOf(nowMicros), completed + 1), k -> new Wave()).fire = true;
    }

    /** Completes every tick that can complete at {@code nowMicros}, in order. */
    public List<Settled> advance(long nowMicros) {
        List<Settled> settled = new ArrayList<>();
        for (long next = nextTick(); next != Long.MAX_VALUE; next = nextTick()) {
            List<String> gaveUpOn = new ArrayList<>();
            if (!ready(next, nowMicros, gaveUpOn)) {
                break;
            }
            settled.add(evaluate(next, gaveUpOn));
        }
        return settled;
    }

    private long nextTick() {
        long deadline = neuron.deadline();
        long timer = deadline == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.max(time.firstTickFrom(deadline), completed + 1);
        return waves.isEmpty() ? timer : Math.min(timer, waves.firstKey());
    }

    private boolean ready(long tick, long nowMicros, List<String> gaveUpOn) {
        if (clockDriven && nowMicros < time.closesAt(tick)) {
            return false;
        }
        if (waitingFor(tick) && nowMicros < time.timeoutAt(tick)) {
            return false;
        }
        upstream.forEach((source, u) -> {
            if (!u.silent && u.done < tick) {
                u.silent = true;
                gaveUpOn.add(source);
                timeouts++;
            }
        });
        return true;
    }

    private boolean waitingFor(long tick) {
        for (Upstream u : upstream.values()) {
            if (!u.silent && u.done < tick) {
                return true;
            }
        }
        return false;
    }

    private Settled evaluate(long tick, List<String> gaveUpOn) {
        Wave wave = waves.remove(tick);
        int before = neuron.output();
        long at = time.startMicros(tick);
        if (neuron.deadline() <= at) {
            neuron.tick(at);
        }
        boolean fired = false;
        if (wave != null) {
            fired = neuron.onWave(wave.values, at) == Neuron.Outcome.FIRED;
            if (wave.fire) {
                fired |= neuron.forceFire(at) == Neuron.Outcome.FIRED;
            }
        }
        completed = tick;
        return new Settled(tick, neuron.output(), neuron.output() != before, fired, wave != null, List.copyOf(gaveUpOn));
    }

    /**
     * How far this neuron has got: every tick up to the result is completed, and nothing it sends later is about
     * them (what a heartbeat tells downstream neurons). Ticks no source can add to any more count as completed.
     */
    public long progress(long nowMicros) {
        long bound = clockDriven ? time.lastClosed(nowMicros) : Long.MAX_VALUE;
        for (Upstream u : upstream.values()) {
            if (!u.silent) {
                bound = Math.min(bound, u.done);
            }
        }
        if (bound == Long.MAX_VALUE) {
            bound = time.lastClosed(nowMicros); // every upstream neuron is silent: the clock is all there is
        }
        bound = Math.min(bound, nextTick() - 1);
        completed = Math.max(completed, bound);
        return completed;
    }

    /** @return when {@link #advance} may complete a tick without any news (epoch microseconds), or Long.MAX_VALUE */
    public long nextDeadline(long nowMicros) {
        long next = nextTick();
        if (next == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return clockDriven && nowMicros < time.closesAt(next) ? time.closesAt(next) : time.timeoutAt(next);
    }

    /** @return true when sensors feed it (or nothing does): the clock completes its ticks, heartbeats announce them */
    public boolean isClockDriven() {
        return clockDriven;
    }

    public Neuron neuron() {
        return neuron;
    }

    /** @return the last completed tick */
    public long completed() {
        return completed;
    }

    /** @return how many inputs arrived for a tick already completed */
    public long late() {
        return late;
    }

    /** @return how many times a tick completed without an upstream neuron that had not reported it */
    public long timeouts() {
        return timeouts;
    }
}
