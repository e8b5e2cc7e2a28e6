package io.neuromesh.flows.internal.builtin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: past it, the subscriber cancels the download and the body fails
 * with {@link TooLarge}, so a huge or endless answer costs at most the limit. A declared {@code Content-Length} over
 * the limit fails before any byte is read.
 *
 * <p>Threading: called by the HTTP client's threads, one call at a time (reactive-streams rules).
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body is longer than the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("body larger than the " + limit + "-byte limit (maxBytes); stopped reading");
        }
    }

    private final long limit;
    private final boolean declaredTooLarge;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long limit, boolean declaredTooLarge) {
        this.limit = limit;
        this.declaredTooLarge = declaredTooLarge;
    }

    /** A handler whose bodies stop at {@code limit} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new CappedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredTooLarge) {
            fail();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > limit) {
                fail();
                return;
            }
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            buffer.writeBytes(bytes);
        }
        subscription.request(1);
    }

    private void fail() {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit));
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
