package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The subscriptions that bring this node's neurons their inputs on {@code neuron/<id>}: one exact filter per hosted
 * neuron, so that the broker sends a node only its own neurons' inputs. When the node hosts every neuron of its
 * topology (a fleet of one, or its peers are down), one wildcard {@code neuron/+} replaces them: it brings nothing the
 * node does not need, and the broker keeps one subscription instead of up to 100,000. So it does when the node hosts
 * many neurons and a large share of them ({@link InputFilterRules#wildcardFits}, e.g. in a fleet of two): it then
 * also receives its peers' inputs and drops them, which costs less than subscribing tens of thousands of filters
 * (seconds of broker work at every apply and every failover). Switching subscribes the new filters before it drops the
 * old ones, so no input falls in between (on Mosquitto an input published during the switch may arrive twice, and so
 * may, on either broker, an input this node sent through an input connection just before: the wildcard is on the
 * node's own connection, where no-local does not cover the other's publishes). A broker that refuses the wildcard (an
 * ACL) keeps the exact filters. Filters go in chunks.
 *
 * <p>A connection holds at most {@code rules.perConnection()} exact filters
 * ({@code EdgeConfig#inputFiltersPerConnection}, 10,000 by
 * default); beyond them the node opens input connections ({@code <client id>.in1}, {@code .in2}, ...), closed again
 * once they hold none. Mosquitto 2.0.11 adds a client's subscription in time linear in those it already has (50,000
 * filters cost it 0.6-1.2 CPU-s on one connection, 0.24 s in five), and HiveMQ CE copies a client's subscription set
 * per SUBSCRIBE. The node publishes an input to a neuron of
 * its own on the connection that holds the neuron's filter: the filters are no-local, so the broker does not echo
 * what the node already delivered in-process ({@link #linkFor}). Filters move between connections only by leaving and
 * coming back, and an unsubscribe returns once the broker has handled everything published before it on that
 * connection, so an input that switches connections never overtakes an earlier one.
 *
 * <p>Threading: {@link #follow} runs on one thread at a time (the outbox's subscriber, awaited by the brain);
 * {@link #linkFor} on any thread.
 */
final class InputSubscriptions implements AutoCloseable {

    /** Every neuron's input topic, and only those ({@code neuron/<id>/output} has one more level). */
    static final String ALL = Topics.INPUT_PREFIX + "+";
    /** Filters per subscribe call: a fraction of a second of broker work each. */
    static final int CHUNK = 10_000;
    /**
     * The suffix of an input connection's client id, before its number: a dot, which no node id has, so that node
     * {@code n1}'s input connection is never node {@code n1-in1}'s connection.
     */
    static final String INPUT_LINK_SUFFIX = ".in";

    /** Where the connections' shares are (un)subscribed and input connections opened, side by side. */
    private static final Executor PARALLEL = Executors.newVirtualThreadPerTaskExecutor();

    private final MqttLink main;
    private final String node;
    private final Executor executor;
    private final MessageHandler handler;
    private final InputFilterRules rules;
    private final Runnable inputConnectionBack;
    /** The connections that hold exact filters, the runtime's own first; input connections come and go. */
    private final List<Holder> holders = new CopyOnWriteArrayList<>();
    /**
     * The holder of each exact filter: written by {@link #follow}'s thread (and the unsubscribing tasks it waits for)
     * before a filter is subscribed and after it is unsubscribed, read by publishers ({@link #linkFor}).
     */
    private final Map<String, Holder> holderOf = new ConcurrentHashMap<>();
    private boolean wildcard;
    private boolean wildcardRefused;
    private boolean inputLinksRefused;

    /** One connection and how many exact filters it holds. */
    private static final class Holder {
        final MqttLink link;
        final int number;
        int filters;

        Holder(MqttLink link, int number) {
            this.link = link;
            this.number = number;
        }
    }

    /**
     * @param executor            where the handler runs
     * @param rules               exact filters per connection, and when one wildcard replaces them
     * @param inputConnectionBack called on an input connection's thread each time one reconnected (its subscriptions
     *                            restored); must not block
     */
    InputSubscriptions(MqttLink main, String node, Executor executor, MessageHandler handler, InputFilterRules rules,
                       Runnable inputConnectionBack) {
        this.main = main;
        this.node = node;
        this.executor = executor;
        this.handler = handler;
        this.rules = rules;
        this.inputConnectionBack = inputConnectionBack;
        holders.add(new Holder(main, 0));
    }

    /** Makes the subscriptions match {@code hosted}, of a topology of {@code topologyNeurons} neurons. */
    void follow(Set<String> hosted, int topologyNeurons) {
        boolean shared = rules.wildcardFits(hosted.size(), topologyNeurons) && !wildcardRefused;
        if (shared && !wildcard) {
            try {
                // No-local, like the exact filters: inputs this runtime publishes to its own neurons were already
                // delivered in-process.
                main.subscribe(List.of(new Subscription(ALL, Qos.AT_LEAST_ONCE, true)), executor, handler);
                wildcard = true;
            } catch (MqttLinkException e) {
                wildcardRefused = true;
                shared = false;
                Logger.warn("node {}: the broker refused the subscription {} ({}); one subscription per neuron instead",
                        node, ALL, e.getMessage());
            }
        }
        if (shared) {
            drop(new ArrayList<>(holderOf.keySet()));
            return;
        }
        List<String> removed = new ArrayList<>();
        for (String neuron : holderOf.keySet()) {
            if (!hosted.contains(neuron)) {
                removed.add(neuron);
            }
        }
        // Dropped first, so that the arriving filters fill the room the leaving ones made.
        drop(removed);
        List<String> added = new ArrayList<>();
        for (String neuron : hosted) {
            if (!holderOf.containsKey(neuron)) {
                added.add(neuron);
            }
        }
        add(added);
        if (wildcard) {
            main.unsubscribe(List.of(ALL));
            wildcard = false;
        }
    }

    /** The connection to publish an input for {@code neuron} on: the one holding its filter, else the runtime's. */
    MqttLink linkFor(String neuron) {
        Holder holder = holderOf.get(neuron);
        return holder == null ? main : holder.link;
    }

    /** Whether every input connection is connected now, its subscriptions restored (true when there is none). */
    boolean inputConnectionsUp() {
        for (Holder holder : holders) {
            if (holder.link != main && holder.link.state() != LinkState.CONNECTED) {
                return false;
            }
        }
        return true;
    }

    /** Whether the wildcard stands in for the exact filters now. */
    boolean wildcard() {
        return wildcard;
    }

    /** How many exact filters are subscribed now. */
    int exactFilters() {
        return holderOf.size();
    }

    /** Closes the input connections (the runtime's own link is its owner's to close). */
    @Override
    public void close() {
        for (Holder holder : holders) {
            if (holder.link != main) {
                holder.link.close();
            }
        }
    }

    private void add(List<String> neurons) {
        int room = 0;
        for (Holder holder : holders) {
            room += Math.max(0, rules.perConnection() - holder.filters);
        }
        if (neurons.size() > room && !inputLinksRefused) {
            open((neurons.size() - room + rules.perConnection() - 1) / rules.perConnection());
        }
        Map<Holder, List<String>> placed = new LinkedHashMap<>();
        int next = 0;
        for (Holder holder : holders) {
            int take = Math.min(neurons.size() - next, Math.max(0, rules.perConnection() - holder.filters));
            if (take == 0) {
                continue;
            }
            List<String> share = neurons.subList(next, next + take);
            for (String neuron : share) {
                // Before the filter exists: from now on this node's inputs to the neuron go where no-local holds.
                holderOf.put(neuron, holder);
            }
            holder.filters += take;
            placed.put(holder, new ArrayList<>(share));
            next += take;
        }
        if (next < neurons.size()) {
            // Input connections could not be opened: the rest goes on the node's own.
            Holder own = holders.getFirst();
            List<String> rest = neurons.subList(next, neurons.size());
            rest.forEach(neuron -> holderOf.put(neuron, own));
            own.filters += rest.size();
            placed.computeIfAbsent(own, h -> new ArrayList<>()).addAll(rest);
        }
        // Each connection's share in parallel: the broker's acknowledgements of one do not wait for the others'.
        inParallel(placed.entrySet().stream().<Runnable>map(e -> () -> {
            List<String> share = e.getValue();
            for (int from = 0; from < share.size(); from += CHUNK) {
                List<String> chunk = share.subList(from, Math.min(share.size(), from + CHUNK));
                e.getKey().link.subscribe(chunk.stream().map(n -> new Subscription(Topics.input(n),
                        Qos.AT_LEAST_ONCE, true)).toList(), executor, handler);
            }
        }).toList());
    }

    /** Opens {@code count} input connections at once; if one cannot be opened, the node opens none after it. */
    private void open(int count) {
        List<Holder> opened = new ArrayList<>();
        int number = 1;
        for (int i = 0; i < count; i++) {
            while (numberTaken(number, opened)) {
                number++;
            }
            String clientId = main.config().clientId() + INPUT_LINK_SUFFIX + number;
            MqttLink link = MqttLink.create(main.config().companion(clientId));
            link.addListener(new LinkListener() {
                @Override
                public void connected(boolean reconnect) {
                    if (reconnect) {
                        inputConnectionBack.run();
                    }
                }
            });
            opened.add(new Holder(link, number));
        }
        List<MqttLinkException> refused = new CopyOnWriteArrayList<>();
        Set<Holder> started = ConcurrentHashMap.newKeySet();
        inParallel(opened.stream().<Runnable>map(holder -> () -> {
            try {
                holder.link.start();
                started.add(holder);
            } catch (MqttLinkException e) {
                refused.add(e);
            }
        }).toList());
        for (Holder holder : opened) {
            if (started.contains(holder)) {
                holders.add(holder);
            } else {
                holder.link.close();
            }
        }
        if (!started.isEmpty()) {
            Logger.info("node {}: {} input connection{} opened, now {} in all ({} input filters per connection)", node,
                    started.size(), started.size() == 1 ? "" : "s", holders.size() - 1, rules.perConnection());
        }
        if (!refused.isEmpty()) {
            inputLinksRefused = true;
            Logger.warn("node {}: could not open an input connection ({}); the filters beyond its share stay on the "
                    + "node's own", node, refused.getFirst().getMessage());
        }
    }

    private boolean numberTaken(int number, List<Holder> opening) {
        for (Holder holder : holders) {
            if (holder.number == number) {
                return true;
            }
        }
        for (Holder holder : opening) {
            if (holder.number == number) {
                return true;
            }
        }
        return false;
    }

    private void drop(List<String> neurons) {
        Map<Holder, List<String>> byHolder = new LinkedHashMap<>();
        for (String neuron : neurons) {
            byHolder.computeIfAbsent(holderOf.get(neuron), h -> new ArrayList<>()).add(neuron);
        }
        inParallel(byHolder.entrySet().stream().<Runnable>map(e -> () -> {
            List<String> share = e.getValue();
            for (int from = 0; from < share.size(); from += CHUNK) {
                List<String> chunk = share.subList(from, Math.min(share.size(), from + CHUNK));
                e.getKey().link.unsubscribe(chunk.stream().map(Topics::input).toList());
                // Only now: until the broker confirmed, an input still goes where the filter was.
                chunk.forEach(holderOf::remove);
                // Each holder's count is this task's alone; the caller reads it after waiting for every task.
                e.getKey().filters -= chunk.size();
            }
        }).toList());
        for (Holder holder : byHolder.keySet()) {
            if (holder.filters == 0 && holder.link != main) {
                holders.remove(holder);
                holder.link.close();
            }
        }
    }

    /** Runs the tasks on threads of their own and waits for all; rethrows the first failure. */
    private static void inParallel(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.getFirst().run();
            return;
        }
        CompletableFuture<?>[] runs = tasks.stream().map(task -> CompletableFuture.runAsync(task, PARALLEL))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(runs).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
}
