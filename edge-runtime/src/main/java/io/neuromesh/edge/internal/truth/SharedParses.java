package io.neuromesh.edge.internal.truth;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One parse per distinct document in a JVM. Several runtimes in one JVM (the fleet bench's workers host up to 25,
 * tests a few) receive the same retained document at the same moment: the first to ask parses it, the others wait for
 * that parse and share its result, which is immutable. A parsed document is remembered only while some runtime holds
 * it (a weak reference), so a node alone in its JVM keeps nothing it did not keep before, and parses as before.
 *
 * <p>Threading: any thread; a caller asking for a document another thread is parsing waits for that parse.
 */
final class SharedParses {

    /** Documents remembered at most: a fleet's running and next topology, with room for a few saved ones. */
    private static final int SLOTS = 8;

    /**
     * A document being parsed (its bytes and the future its waiters join), then parsed (only a weak reference to it:
     * the future, which would hold it, is dropped). Guarded by the list's lock.
     */
    private static final class Slot {
        private byte[] bytes;
        private CompletableFuture<Document> parsing = new CompletableFuture<>();
        private WeakReference<Document> parsed;

        Slot(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Parsed, or failed: nothing strong is kept. */
        CompletableFuture<Document> settle(Document document) {
            CompletableFuture<Document> waiters = parsing;
            parsed = document == null ? null : new WeakReference<>(document);
            bytes = null;
            parsing = null;
            return waiters;
        }
    }

    /** What a lookup found: a parsed document, or the parse under way. */
    private record Found(Document document, CompletableFuture<Document> parsing) {
    }

    private final List<Slot> slots = new ArrayList<>();

    /**
     * The document of {@code bytes}: parsed by {@code parser} here, or shared from a parse of equal bytes (done or
     * under way on another thread).
     *
     * @throws RuntimeException what the parse threw (a {@link io.neuromesh.topology.TopologyException} for an invalid
     *                          document), to every caller that waited for it
     */
    Document parse(byte[] bytes, Function<byte[], Document> parser) {
        Found found;
        Slot mine = null;
        synchronized (slots) {
            found = find(bytes);
            if (found == null) {
                mine = new Slot(bytes);
                if (slots.size() == SLOTS) {
                    slots.removeFirst();
                }
                slots.add(mine);
            }
        }
        if (mine != null) {
            return parseInto(mine, bytes, parser);
        }
        // Outside the lock: the parsing thread takes it to settle its slot.
        return found.document() != null ? found.document() : await(found.parsing());
    }

    private Document parseInto(Slot slot, byte[] bytes, Function<byte[], Document> parser) {
        Document document;
        try {
            document = parser.apply(bytes);
        } catch (RuntimeException | Error e) {
            CompletableFuture<Document> waiters;
            // Not remembered: a later arrival of the same bytes parses (and fails) again, as it always did.
            synchronized (slots) {
                slots.remove(slot);
                waiters = slot.settle(null);
            }
            waiters.completeExceptionally(e);
            throw e;
        }
        CompletableFuture<Document> waiters;
        synchronized (slots) {
            waiters = slot.settle(document);
        }
        waiters.complete(document);
        return document;
    }

    private static Document await(CompletableFuture<Document> parsing) {
        try {
            return parsing.join();
        } catch (CompletionException e) {
            // The parse threw one of these, unchecked: rethrown as the parsing caller got it.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    /** The parse of equal bytes, dropping the slots whose document was collected; under the lock. */
    private Found find(byte[] bytes) {
        for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (slot.parsing != null) {
                if (Arrays.equals(slot.bytes, bytes)) {
                    return new Found(null, slot.parsing);
                }
                continue;
            }
            Document document = slot.parsed.get();
            if (document == null) {
                it.remove();
            } else if (Arrays.equals(document.bytes(), bytes)) {
                return new Found(document, null);
            }
        }
        return null;
    }
}
