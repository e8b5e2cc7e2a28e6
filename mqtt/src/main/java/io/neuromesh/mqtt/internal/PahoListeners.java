package io.neuromesh.mqtt.internal;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;

import java.util.concurrent.CompletableFuture;

/** Paho's action listeners, which it calls on its callback thread once an action ends: they must not block. */
final class PahoListeners {

    private PahoListeners() {
    }

    /** Completes {@code done} when the action succeeds, and exceptionally with the failure when it fails. */
    static MqttActionListener completing(CompletableFuture<Void> done) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                done.completeExceptionally(failure);
            }
        };
    }

    /** Runs {@code then} when the action ends, whether it succeeded or failed. */
    static MqttActionListener whenDone(Runnable then) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                then.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                then.run();
            }
        };
    }
}
