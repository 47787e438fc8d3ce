package io.mqproducer.internal.deliver;

import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.internal.transport.ResponseCallback;
import java.util.concurrent.CompletableFuture;

/** What delivery needs of the network: numbered requests to an address, answered or one-way. */
public interface BrokerChannel {

    int nextOpaque();

    void invoke(String address, RemotingCommand request, long timeoutMillis, ResponseCallback callback);

    CompletableFuture<Void> invokeOneway(String address, RemotingCommand request, long timeoutMillis);

    /** The producer's own connections. */
    static BrokerChannel of(RemotingClient client) {
        return new BrokerChannel() {
            @Override
            public int nextOpaque() {
                return client.nextOpaque();
            }

            @Override
            public void invoke(String address, RemotingCommand request, long timeoutMillis, ResponseCallback callback) {
                client.invoke(address, request, timeoutMillis, callback);
            }

            @Override
            public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request, long timeoutMillis) {
                return client.invokeOneway(address, request, timeoutMillis);
            }
        };
    }
}
