package io.mqproducer.internal.client;

import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.transport.RemotingClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells brokers who this client is: a heartbeat names the client id and producer group, so a broker can find
 * the client's connection (transaction check-backs go through it); unregistering on close lets the broker
 * forget it at once instead of after the heartbeat timeout.
 */
public final class Heartbeats {
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final RemotingClient client;
    private final String clientId;
    private final String wireGroup;
    private final byte[] body;

    public Heartbeats(RemotingClient client, String clientId, String wireGroup) {
        this.client = client;
        this.clientId = clientId;
        this.wireGroup = wireGroup;
        this.body = ("{\"clientID\":\"" + escape(clientId) + "\",\"consumerDataSet\":[],\"producerDataSet\":[{\"groupName\":\""
                + escape(wireGroup) + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one heartbeat to {@code brokerAddress}; completes with whether the broker accepted it. */
    public CompletableFuture<Boolean> send(String brokerAddress, long timeoutMillis) {
        RemotingCommand heartbeat = RemotingCommand.request(RequestCode.HEART_BEAT, client.nextOpaque(), Map.of(), body);
        return client.invoke(brokerAddress, heartbeat, timeoutMillis).handle((response, error) -> {
            if (error != null) {
                log.debug("heartbeat to {} failed: {}", brokerAddress, error.toString());
                return false;
            }
            return response.code() == ResponseCode.SUCCESS;
        });
    }

    /** Heartbeats to every address; failures are only logged at debug: the next round tries again. */
    public void sendAll(Collection<String> brokerAddresses, long timeoutMillis) {
        for (String address : brokerAddresses) {
            send(address, timeoutMillis);
        }
    }

    /** Unregisters from every address and waits for the answers, at most {@code timeoutMillis}. */
    public void unregisterAll(Collection<String> brokerAddresses, long timeoutMillis) {
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (String address : brokerAddresses) {
            Map<String, String> header = new HashMap<>();
            header.put("clientID", clientId);
            header.put("producerGroup", wireGroup);
            RemotingCommand request = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT, client.nextOpaque(),
                    header, null);
            answers.add(client.invoke(address, request, timeoutMillis).handle((r, e) -> null));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
