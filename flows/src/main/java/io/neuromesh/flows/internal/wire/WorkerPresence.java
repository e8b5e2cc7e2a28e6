package io.neuromesh.flows.internal.wire;

import io.neuromesh.flows.FlowTopics;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.mqtt.presence.Announcement;
import io.neuromesh.mqtt.presence.PresenceCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Worker statuses ({@link StatusJson}) as the presence component reads and writes them. A worker counts gone after
 * {@value #MISSED_HEARTBEATS} missed heartbeats of the interval its status announces, plus {@link #LIVENESS_SLACK}.
 */
public final class WorkerPresence implements PresenceCodec<WorkerStatus> {

    /** The one instance; it is stateless. */
    public static final WorkerPresence CODEC = new WorkerPresence();
    /** Heartbeats a worker may miss before clients treat it as gone. */
    public static final int MISSED_HEARTBEATS = 3;
    /** Added to the missed heartbeats for network and scheduling delays. */
    public static final Duration LIVENESS_SLACK = Duration.ofSeconds(1);
    /** Assumed heartbeat of a worker whose status does not say. */
    public static final Duration FALLBACK_HEARTBEAT = Duration.ofSeconds(2);
    /** The silence allowed to a worker whose status does not say its heartbeat. */
    public static final Duration FALLBACK_OFFLINE_AFTER = allowedSilence(FALLBACK_HEARTBEAT);

    private WorkerPresence() {
    }

    /** What worker {@code worker} announces: its status every {@code heartbeat}, its Last Will the bare offline. */
    public static Announcement<WorkerStatus> announcement(String worker, Duration heartbeat) {
        return Announcement.of(FlowTopics.status(worker), CODEC, heartbeat, StatusJson.offline(worker));
    }

    @Override
    public byte[] encode(WorkerStatus status) {
        return StatusJson.encode(status).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public WorkerStatus decode(String worker, byte[] payload) {
        WorkerStatus status = StatusJson.decode(new String(payload, StandardCharsets.UTF_8));
        if (!status.worker().equals(worker)) {
            throw new IllegalArgumentException("worker: the status on " + FlowTopics.status(worker)
                    + " names worker " + status.worker());
        }
        return status;
    }

    @Override
    public boolean online(WorkerStatus status) {
        return status.state() == WorkerState.ONLINE;
    }

    /**
     * A retained heartbeat counts as heard when the worker wrote it: a client that connects while a worker is cut off
     * (its broker's bridge down, its process frozen) must not send it tasks because of a heartbeat minutes old.
     */
    @Override
    public Instant sentAt(WorkerStatus status) {
        return status.timestamp();
    }

    @Override
    public Duration offlineAfter(WorkerStatus status) {
        return status.heartbeat().isZero() ? FALLBACK_OFFLINE_AFTER : allowedSilence(status.heartbeat());
    }

    private static Duration allowedSilence(Duration heartbeat) {
        return heartbeat.multipliedBy(MISSED_HEARTBEATS).plus(LIVENESS_SLACK);
    }
}
