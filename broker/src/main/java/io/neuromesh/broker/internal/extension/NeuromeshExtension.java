package io.neuromesh.broker.internal.extension;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.RetainedPublish;
import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.internal.extension.auth.AuthSecurity;
import io.neuromesh.broker.internal.extension.topology.TopologyGuard;
import io.neuromesh.broker.internal.extension.topology.TopologyInterceptor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything Neuromesh adds to HiveMQ, as the one embedded extension HiveMQ allows: users and roles
 * ({@link AuthSecurity}) and the {@link TopologyGuard}. HiveMQ starts extensions after its persistence and before its
 * listeners, so the users are read and the guard has adopted the retained topology before the first client connects.
 */
public final class NeuromeshExtension implements ExtensionMain {

    /** How long the start may wait for the retained topology from HiveMQ's persistence. */
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);

    private final boolean guardTopology;
    private final Path userFile;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    /**
     * @param guardTopology whether the {@link TopologyGuard} checks publishes on {@value TopologyGuard#TOPIC}
     * @param userFile      the user file behind authentication and authorization, or null for an open broker
     */
    public NeuromeshExtension(boolean guardTopology, Path userFile) {
        this.guardTopology = guardTopology;
        this.userFile = userFile;
    }

    /** @return this extension packaged for {@code EmbeddedHiveMQBuilder.withEmbeddedExtension} */
    public EmbeddedExtension embedded() {
        return EmbeddedExtension.builder()
                .withId("neuromesh")
                .withName("Neuromesh")
                .withVersion("1")
                .withAuthor("Neuromesh")
                .withExtensionMain(this)
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            // One client initializer per extension: the ACL check first, so a refused user is told why it may not
            // publish rather than what is wrong with the document.
            AuthSecurity security = userFile == null ? null : AuthSecurity.register(userFile);
            TopologyInterceptor topology = null;
            if (guardTopology) {
                TopologyGuard guard = new TopologyGuard();
                guard.adoptRetained(retainedTopology());
                topology = new TopologyInterceptor(guard);
            }
            TopologyInterceptor guarded = topology;
            Services.initializerRegistry().setClientInitializer((initializerInput, client) -> {
                if (security != null) {
                    security.initialize(initializerInput, client);
                }
                if (guarded != null) {
                    client.addPublishInboundInterceptor(guarded);
                }
            });
            started.complete(null);
        } catch (RuntimeException e) {
            // HiveMQ would only log this and run on without the guard: the broker's start() reports it instead.
            started.completeExceptionally(e);
            output.preventExtensionStartup(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ drops the interceptors with the extension; nothing of ours outlives it.
    }

    /**
     * Waits until HiveMQ has started this extension.
     *
     * @param timeout how long to wait
     * @throws BrokerException if the extension did not start, saying why
     */
    public void awaitStarted(Duration timeout) {
        try {
            started.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new BrokerException("the Neuromesh extension did not start: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerException("HiveMQ did not start the Neuromesh extension within " + timeout.toMillis()
                    + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the Neuromesh extension", e);
        }
    }

    private static byte[] retainedTopology() {
        try {
            Optional<RetainedPublish> retained = Services.retainedMessageStore()
                    .getRetainedMessage(TopologyGuard.TOPIC).get(LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Payloads.bytes(retained.flatMap(RetainedPublish::getPayload));
        } catch (ExecutionException e) {
            throw new BrokerException("cannot read the retained " + TopologyGuard.TOPIC + ": " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerException("the retained " + TopologyGuard.TOPIC + " was not read within "
                    + LOAD_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while reading the retained " + TopologyGuard.TOPIC, e);
        }
    }
}
