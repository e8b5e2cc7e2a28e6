/**
 * The wire protocol of a Neuromesh fleet in one place: one immutable record per message and exactly one codec per
 * message, with encoding and decoding side by side. Runtimes write with these codecs and every reader (the
 * {@link io.neuromesh.edge.FleetClient}, the CLI, a dashboard) reads with them, so writer and reader cannot drift
 * apart. Topics, retention, QoS and every field are described in {@code docs/wire.md}.
 *
 * <p>Every message but the input carries {@code "v":1} ({@link io.neuromesh.edge.wire.WireVersion#CURRENT}; why
 * not the input: {@link io.neuromesh.edge.wire.InputCodec}); decoders read a missing {@code v} as 1 (nodes from
 * before versioning) and refuse a newer version with a {@link io.neuromesh.edge.wire.WireFormatException} that
 * says so. Records validate on construction and throw {@link IllegalArgumentException} with the field at fault;
 * decoders report the same problems as {@link io.neuromesh.edge.wire.WireFormatException}s prefixed with the
 * message's name.
 *
 * <p>Codecs are stateless and thread-safe. Times are {@link java.time.Instant}s, carried as epoch milliseconds on
 * the wire.
 *
 * @since 0.1
 */
package io.neuromesh.edge.wire;
