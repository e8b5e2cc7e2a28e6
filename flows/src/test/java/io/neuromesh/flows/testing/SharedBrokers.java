package io.neuromesh.flows.testing;

import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;

import java.util.EnumMap;
import java.util.Map;

/** One broker per kind for all tests of a class (HiveMQ takes seconds to start and stop); close in {@code @AfterAll}. */
public final class SharedBrokers implements AutoCloseable {

    private final Map<BrokerKind, TestBroker> brokers = new EnumMap<>(BrokerKind.class);

    public synchronized TestBroker get(BrokerKind kind) {
        return brokers.computeIfAbsent(kind, TestBrokers::of);
    }

    @Override
    public synchronized void close() {
        brokers.values().forEach(TestBroker::close);
        brokers.clear();
    }
}
