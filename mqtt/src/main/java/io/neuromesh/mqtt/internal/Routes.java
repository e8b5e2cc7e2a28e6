package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.Subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The link's own subscription registry: what to resubscribe after a reconnect, and which handler gets a topic.
 * Exact filters are found by a hash lookup (the hot path: one filter per neuron); wildcard filters are scanned in
 * registration order.
 */
final class Routes {

    /** A registered subscription with where and how its messages are handled. */
    record Route(Subscription subscription, Executor executor, MessageHandler handler) {
    }

    private final ConcurrentHashMap<String, Route> byFilter = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Route> exact = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Route> wildcards = new CopyOnWriteArrayList<>();

    void put(Subscription subscription, Executor executor, MessageHandler handler) {
        Route route = new Route(subscription, executor, handler);
        Route previous = byFilter.put(subscription.filter(), route);
        if (previous != null) {
            wildcards.remove(previous);
        }
        if (TopicFilters.hasWildcard(subscription.filter()) || TopicFilters.isShared(subscription.filter())) {
            wildcards.add(route);
        } else {
            exact.put(subscription.filter(), route);
        }
    }

    void remove(String filter) {
        Route route = byFilter.remove(filter);
        if (route != null) {
            exact.remove(filter, route);
            wildcards.remove(route);
        }
    }

    Route match(String topic) {
        Route route = exact.get(topic);
        if (route != null) {
            return route;
        }
        for (Route candidate : wildcards) {
            if (TopicFilters.matches(candidate.subscription().filter(), topic)) {
                return candidate;
            }
        }
        return null;
    }

    boolean contains(String filter) {
        return byFilter.containsKey(filter);
    }

    List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>(byFilter.size());
        for (Route route : byFilter.values()) {
            all.add(route.subscription());
        }
        return all;
    }

    List<Subscription> subscriptions(Collection<String> filters) {
        List<Subscription> some = new ArrayList<>(filters.size());
        for (String filter : filters) {
            Route route = byFilter.get(filter);
            if (route != null) {
                some.add(route.subscription());
            }
        }
        return some;
    }
}
