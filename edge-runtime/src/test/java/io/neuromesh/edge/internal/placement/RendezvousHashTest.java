package io.neuromesh.edge.internal.placement;

import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The node ids' shared prefix is hashed once per neuron; the scores and placements must not change. */
class RendezvousHashTest {

    @Test
    void aScoreContinuedFromAnyPrefixOfTheNodeIdIsTheWholeScore() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            long neuron = RendezvousHash.neuronPrefix(randomId(random));
            byte[] node = randomId(random).getBytes(StandardCharsets.UTF_8);
            long whole = RendezvousHash.score(neuron, node, 0);
            for (int split = 0; split <= node.length; split++) {
                // A split inside a multi-byte character too: the hash goes byte by byte.
                assertEquals(whole, RendezvousHash.score(RendezvousHash.extend(neuron, node, split), node, split));
            }
        }
    }

    @Test
    void theSharedPrefixIsCountedInBytesAndMayBeAWholeId() {
        assertEquals(0, RendezvousHash.sharedPrefix(new byte[0][]));
        assertEquals(3, RendezvousHash.sharedPrefix(utf8("pi-1", "pi-10", "pi-2")));
        assertEquals(2, RendezvousHash.sharedPrefix(utf8("pi", "pi-1", "pi-2")));
        assertEquals(0, RendezvousHash.sharedPrefix(utf8("alpha", "beta")));
        assertEquals(8, RendezvousHash.sharedPrefix(utf8("only-one")));
        // U+00E9 is c3 a9 in UTF-8, U+00E8 is c3 a8: they share one byte.
        assertEquals(3, RendezvousHash.sharedPrefix(utf8("n-\u00e9", "n-\u00e8")));
    }

    static Stream<Arguments> fleets() {
        // Digests of the placements the build before the shared prefix (3780213) computed, hashing every pair whole.
        List<String> pis = Stream.concat(IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("pi-%02d", i)),
                Stream.of("pi-1")).toList();
        return Stream.of(
                Arguments.of("pi-01 .. pi-12 and pi-1", pis,
                        "0e3623afe080b1b364214c131cf43572af2852e50c5f6862628b77299cd0bffa"),
                Arguments.of("pi, pi-a, pi-b", List.of("pi", "pi-a", "pi-b"),
                        "c19ed41da9c737118149bea3488d863271e10c85f9967791d4e92dc0b2635929"),
                Arguments.of("no shared prefix", List.of("kitchen", "garage", "attic", "n-\u00e9", "n-\u00e8"),
                        "1f69dcd684243d18e660d77488f93b63ce7939b877252016e0cb2db2daf20b81"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleets")
    void placementsAreTheSameAsWhenEveryPairWasHashedWhole(String name, List<String> nodes, String digest)
            throws NoSuchAlgorithmException {
        List<NeuronSpec> neurons = IntStream.range(0, 3_000).mapToObj(i -> NeuronSpec.level("n" + i, null, 1))
                .toList();
        Topology topology = new Topology(1, null, Defaults.STANDARD, List.of(), List.of(), neurons, List.of(),
                List.of());
        String assignments = BoundedRendezvous.place(topology, nodes, Placement.BALANCE_SLACK).assignments()
                .toString();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertEquals(digest, HexFormat.of().formatHex(sha.digest(assignments.getBytes(StandardCharsets.UTF_8))));
    }

    private static String randomId(Random random) {
        String alphabet = "abn-_.0123456789\u00e9\u00e8";
        return IntStream.range(0, 1 + random.nextInt(14))
                .mapToObj(i -> String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))))
                .reduce("", String::concat);
    }

    private static byte[][] utf8(String... ids) {
        return Stream.of(ids).map(id -> id.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }
}
