package io.neuromesh.mqtt;

/**
 * Counters of a {@link MqttLink} since it was built (a snapshot; all counts are cumulative).
 *
 * @param published        messages handed to the client library
 * @param received         messages received and dispatched to a handler
 * @param unrouted         messages received that matched no registered subscription
 * @param handlerFailures  handler invocations that threw
 * @param rejected         messages a handler's executor refused while running (a full inbox; not those refused by
 *                         an executor already shut down, as when its owner closes)
 * @param bufferedOffline  publishes currently waiting for the connection to come back
 * @param droppedOffline   publishes dropped because the offline buffer was full (oldest first)
 * @param connects         successful connections (the first one included)
 * @since 0.1
 */
public record LinkStats(long published, long received, long unrouted, long handlerFailures, long rejected,
                        int bufferedOffline, long droppedOffline, long connects) {
}
