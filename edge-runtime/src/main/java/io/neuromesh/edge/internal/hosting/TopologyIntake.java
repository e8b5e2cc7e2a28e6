package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.edge.internal.port.TopologyStore;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.internal.truth.Document;
import io.neuromesh.edge.internal.truth.HistoryRecording;
import io.neuromesh.edge.internal.truth.RetainedTopology;
import io.neuromesh.edge.internal.truth.TopologyChoice;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.topology.TopologyException;
import io.neuromesh.topology.TopologyVersion;
import org.tinylog.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * Which topology this node runs, kept to the rule of {@link TopologyChoice} over its local last-good copy, the
 * topology retained on {@code neuromesh/topology} and the fleet's applied history; and the results and status
 * problem that say so. A result says "applied" only once the node runs it, so an apply before the node knows its
 * fleet is reported after the first placement. Brain thread only.
 */
public final class TopologyIntake {

    private static final String CLEARED = "$: empty payload (the retained topology was cleared); the running topology"
            + " stays";

    private final String node;
    private final Hosting hosting;
    private final ControlOutbox control;
    private final TopologyStore store;
    private final Counters counters;
    private final Peers peers;
    private final HistoryWriter writer;
    private RetainedTopology retained = RetainedTopology.NONE;
    private boolean retainedHeard;
    /** A retained topology arrived that no decision has reported on yet. */
    private boolean retainedNews;
    private AppliedHistory history = AppliedHistory.EMPTY;
    private boolean historyHeard;
    /** True once the retained topology and the history were read (or the node's first placement came). */
    private boolean decided;
    private boolean started;
    /** The running document, null when none. */
    private Document running;
    /** Why GPIO refused the retained topology (empty when it was not refused). */
    private List<String> refused = List.of();
    /** Applied revisions whose document could not be read or run: not tried again. */
    private final Set<TopologyVersion> unusable = new HashSet<>();
    /** An applied topology whose result waits until neurons are placed. */
    private ApplyResult deferred;
    /** What the last published result said (outcome, document, running hash), so that a changed verdict is told. */
    private String lastResult = "";

    public TopologyIntake(String node, Hosting hosting, ControlOutbox control, TopologyStore store, Peers peers,
                          Counters counters, EpochClock clock) {
        this.node = node;
        this.hosting = hosting;
        this.control = control;
        this.store = store;
        this.counters = counters;
        this.peers = peers;
        this.writer = new HistoryWriter(node, control, peers, clock);
    }

    /**
     * At the first connect, or the first topology news if that comes first: the local copy, if valid, runs before
     * anything is decided and before the first placement. Idempotent.
     */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        store.load().ifPresent(bytes -> {
            try {
                Document local = Document.parse(bytes);
                if (run(local)) {
                    Logger.info("node {}: starting from its local copy, {}", node, local.version());
                }
            } catch (TopologyException e) {
                Logger.warn("node {}: the local topology {} is not valid, ignored: {}", node, store, e.errors());
            }
        });
    }

    /** A message on {@code neuromesh/topology}, as {@link RetainedTopology#of} read it. */
    public void topologyArrived(RetainedTopology topology) {
        start();
        retained = topology;
        retainedHeard = true;
        retainedNews = true;
        refused = List.of();
        if (decided || historyHeard) {
            decide();
        }
    }

    /** A message on {@code neuromesh/topology/history}. */
    public void historyArrived(byte[] payload) {
        start();
        history = writer.decode(payload);
        historyHeard = true;
        writer.heard();
        if (decided || retainedHeard) {
            decide();
        }
    }

    /**
     * True while the node runs no topology and has not yet decided what to run (the retained topology and history
     * heard, or its first placement): right after it started without a local copy.
     */
    public boolean undecided() {
        return !decided && running == null;
    }

    /** The online nodes changed: neurons move, and a deferred result is reported as of now. */
    public void membershipChanged(SortedSet<String> online) {
        start();
        if (!decided) {
            // Why this bound is enough: both topics are retained, so the broker sends them right after the
            // subscriptions made at connect; placement waits for the fleet's statuses longer than that. Anything
            // later is handled as news: a newer retained topology or history revision still wins.
            decide();
        }
        hosting.membershipChanged(online);
        if (deferred != null) {
            publish(hosting.result(deferred.rev(), deferred.document(), deferred.result(), deferred.errors()));
            deferred = null;
        }
        record();
    }

    /** Peers reported their statuses: the fleet may now run one rev and hash. */
    public void peersReported() {
        record();
    }

    /** Runs what the rule chooses, then reports on the retained topology and updates the status problem. */
    private void decide() {
        decided = true;
        boolean arrived = retainedNews;
        retainedNews = false;
        boolean changed = settle();
        report(arrived, changed);
        Optional<String> problem = TopologyChoice.problem(version(), retained, newestApplied(), refused);
        if (hosting.problem(problem)) {
            if (problem.isPresent() && retained instanceof RetainedTopology.None) {
                Logger.info("node {}: {}", node, problem.get());
            } else {
                problem.ifPresent(p -> Logger.warn("node {}: {}", node, p));
            }
            control.status(hosting.view());
        }
        record();
    }

    /** @return true when the running topology changed */
    private boolean settle() {
        while (true) {
            Optional<TopologyVersion> applied = newestApplied().filter(v -> !unusable.contains(v));
            switch (TopologyChoice.choose(version(), retained, applied)) {
                case KEEP -> {
                    return false;
                }
                case RETAINED -> {
                    refused = hosting.install(((RetainedTopology.Valid) retained).document());
                    if (!refused.isEmpty()) {
                        return false;
                    }
                    adopted(((RetainedTopology.Valid) retained).document());
                    return true;
                }
                case APPLIED -> {
                    Optional<Document> document = appliedDocument(applied.get());
                    if (document.isPresent() && run(document.get())) {
                        Logger.info("node {}: adopted the fleet's applied {}", node, applied.get());
                        return true;
                    }
                    unusable.add(applied.get());
                }
            }
        }
    }

    /** The document of an applied revision: the retained one if it is that, else read from the history. */
    private Optional<Document> appliedDocument(TopologyVersion applied) {
        if (retained instanceof RetainedTopology.Valid t && t.version().equals(applied)) {
            return Optional.of(t.document());
        }
        String topic = Topics.topologyRevision(applied.rev());
        Optional<byte[]> bytes = control.readRetained(topic);
        try {
            Optional<Document> document = bytes.map(Document::parse);
            if (document.isPresent() && document.get().version().equals(applied)) {
                return document;
            }
            Logger.warn("node {}: the fleet's applied {} is not on {} ({}); it stays unused", node, applied, topic,
                    document.map(d -> "found " + d.version()).orElse("nothing retained"));
        } catch (TopologyException e) {
            Logger.warn("node {}: the document on {} is not valid, unused: {}", node, topic, e.errors());
        }
        return Optional.empty();
    }

    /** Runs a document other than the retained one; false when GPIO refused it. */
    private boolean run(Document document) {
        List<String> errors = hosting.install(document);
        if (!errors.isEmpty()) {
            Logger.warn("node {}: {} refused: {}", node, document.version(), errors);
            return false;
        }
        adopted(document);
        return true;
    }

    private void adopted(Document document) {
        running = document;
        store.save(document.bytes());
    }

    /** Publishes the result for the retained topology when it is news or its verdict changed. */
    private void report(boolean arrived, boolean changed) {
        ApplyResult result = switch (retained) {
            case RetainedTopology.None n -> null;
            case RetainedTopology.Cleared c -> hosting.result(0, "", TopologyOutcome.REJECTED, List.of(CLEARED));
            case RetainedTopology.Invalid i -> hosting.result(i.rev(), "", TopologyOutcome.REJECTED, i.errors());
            case RetainedTopology.Valid t when t.version().equals(version().orElse(null)) -> hosting.result(
                    t.version().rev(), t.version().hash(),
                    changed ? TopologyOutcome.APPLIED : TopologyOutcome.UNCHANGED, List.of());
            case RetainedTopology.Valid t -> hosting.result(t.version().rev(), t.version().hash(),
                    TopologyOutcome.REJECTED, TopologyChoice.rejection(version(), t, refused));
        };
        if (result == null || result.result() == TopologyOutcome.UNCHANGED) {
            return;
        }
        String key = result.result() + " " + result.document() + " " + result.hash();
        if (!arrived && key.equals(lastResult)) {
            return;
        }
        lastResult = key;
        if (result.result() == TopologyOutcome.REJECTED) {
            counters.topologyRejected.increment();
            Logger.warn("node {}: topology rejected ({} error(s)), keeping rev {}: {}", node, result.errors().size(),
                    hosting.rev(), result.errors().isEmpty() ? "" : result.errors().get(0));
        }
        if (result.result() == TopologyOutcome.APPLIED && !hosting.isPlacing()) {
            deferred = result;
            return;
        }
        publish(result);
    }

    private void publish(ApplyResult result) {
        // The status first: a client that counts the node done on this result then reads it running the new rev.
        if (result.result() == TopologyOutcome.APPLIED) {
            control.status(hosting.view());
        }
        control.topologyResult(result);
    }

    /**
     * When the whole online fleet runs the running topology: its neurons' resting outputs go out, and it is recorded
     * in the fleet's history.
     */
    private void record() {
        if (!decided || running == null || !hosting.isPlacing()) {
            return;
        }
        if (HistoryRecording.allRun(node, hosting.online(), peers.running(), running.version())) {
            hosting.fleetRuns();
        }
        writer.record(hosting.online(), running, history).ifPresent(now -> {
            history = now;
            decide();
        });
    }

    private Optional<TopologyVersion> version() {
        return Optional.ofNullable(running).map(Document::version);
    }

    private Optional<TopologyVersion> newestApplied() {
        return history.newest().map(r -> new TopologyVersion(r.rev(), r.hash()));
    }
}
