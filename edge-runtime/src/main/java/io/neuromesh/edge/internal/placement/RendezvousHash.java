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

    /** @return the FNV-1a state after the neuron id and the separator; feed it to {@link #score(long, byte[], int)} */
    static long neuronPrefix(String neuron) {
        // The separator byte 0: XOR with 0 leaves the state as it is, then one multiplication.
        byte[] utf8 = neuron.getBytes(StandardCharsets.UTF_8);
        return fnv(FNV_OFFSET_BASIS, utf8, 0, utf8.length) * FNV_PRIME;
    }

    /**
     * @return {@code state} continued over the first {@code length} bytes of {@code nodeUtf8}: hashed once per neuron,
     *         a prefix every node id shares ({@link #sharedPrefix}) need not be hashed again for each node
     */
    static long extend(long state, byte[] nodeUtf8, int length) {
        return fnv(state, nodeUtf8, 0, length);
    }

    /**
     * @param state a {@link #neuronPrefix}, {@link #extend extended} over the node id's first {@code from} bytes
     * @return the pair's score, to compare with {@link Long#compareUnsigned} (higher wins): the same whatever
     *         {@code from}, since FNV-1a goes byte by byte
     */
    static long score(long state, byte[] nodeUtf8, int from) {
        // FNV-1a and fmix64 written out, without calls: a placement of 100,000 neurons over 100 nodes scores 10 million
        // pairs, and the client compiler the edge runs with inlines only the smallest methods.
        long h = state;
        for (int i = from; i < nodeUtf8.length; i++) {
            h ^= nodeUtf8[i] & 0xff;
            h *= FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** @return how many leading bytes all of {@code ids} share (the whole id when there is one) */
    static int sharedPrefix(byte[][] ids) {
        if (ids.length == 0) {
            return 0;
        }
        int shared = ids[0].length;
        for (byte[] id : ids) {
            shared = Math.min(shared, id.length);
            for (int i = 0; i < shared; i++) {
                if (id[i] != ids[0][i]) {
                    shared = i;
                }
            }
        }
        return shared;
    }

    private static long fnv(long state, byte[] bytes, int from, int to) {
        long h = state;
        for (int i = from; i < to; i++) {
            h ^= bytes[i] & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
