package io.neuromesh.edge.internal.placement;

import java.nio.charset.StandardCharsets;

/**
 * The score of a (neuron, node) pair for rendezvous hashing, identical on every JVM and platform:
 * {@code fmix64(FNV-1a-64(utf8(neuron) || 0x00 || utf8(node)))}, compared as unsigned 64-bit numbers.
 *
 * <p>FNV-1a 64 (offset basis {@code 0xcbf29ce484222325}, prime {@code 0x100000001b3}) is simple to write out in any
 * language; its low avalanche is repaired by MurmurHash3's 64-bit finalizer {@code fmix64}. The zero byte keeps
 * ({@code ab}, {@code c}) apart from ({@code a}, {@code bc}): ids never contain it. Stateless and thread-safe.
 */
final class RendezvousHash {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RendezvousHash() {
    }

    /** @return the FNV-1a state after the neuron id and the separator; feed it to {@link #score(long, byte[])} */
    static long neuronPrefix(String neuron) {
        return fnv(fnv(FNV_OFFSET_BASIS, neuron.getBytes(StandardCharsets.UTF_8)), new byte[] {0});
    }

    /** @return the pair's score, to compare with {@link Long#compareUnsigned} (higher wins) */
    static long score(long neuronPrefix, byte[] nodeUtf8) {
        return fmix64(fnv(neuronPrefix, nodeUtf8));
    }

    private static long fnv(long state, byte[] bytes) {
        long h = state;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    private static long fmix64(long k) {
        long h = k;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
