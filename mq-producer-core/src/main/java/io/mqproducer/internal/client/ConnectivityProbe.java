package io.mqproducer.internal.client;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.internal.transport.RemotingClient;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks every name server and every known broker for a cheap answer, all at once, bounded by one timeout:
 * a route request to name servers (any answer counts), a producer heartbeat to brokers (must succeed).
 */
public final class ConnectivityProbe {
    private final RemotingClient client;
    private final List<String> nameServers;
    private final String clientId;
    private final String producerGroup;

    public ConnectivityProbe(RemotingClient client, List<String> nameServers, String clientId, String producerGroup) {
        this.client = client;
        this.nameServers = List.copyOf(nameServers);
        this.clientId = clientId;
        this.producerGroup = producerGroup;
    }

    public CompletableFuture<ConnectivityReport> probe(Collection<String> brokers, long timeoutMillis) {
        Map<String, CompletableFuture<Boolean>> names = new LinkedHashMap<>();
        for (String address : nameServers) {
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, client.nextOpaque(),
                    Map.of("topic", Topics.AUTO_CREATE_TEMPLATE), null);
            names.put(address, client.invoke(address, request, timeoutMillis).handle((r, e) -> e == null));
        }
        Map<String, CompletableFuture<Boolean>> brokerChecks = new LinkedHashMap<>();
        for (String address : brokers) {
            RemotingCommand heartbeat = RemotingCommand.request(RequestCode.HEART_BEAT, client.nextOpaque(),
                    Map.of(), heartbeatBody());
            brokerChecks.put(address, client.invoke(address, heartbeat, timeoutMillis)
                    .handle((r, e) -> e == null && r.code() == 0));
        }
        CompletableFuture<?>[] all = new CompletableFuture<?>[names.size() + brokerChecks.size()];
        int i = 0;
        for (CompletableFuture<Boolean> f : names.values()) {
            all[i++] = f;
        }
        for (CompletableFuture<Boolean> f : brokerChecks.values()) {
            all[i++] = f;
        }
        return CompletableFuture.allOf(all).thenApply(done -> new ConnectivityReport(results(names), results(brokerChecks)));
    }

    /** The heartbeat a producer sends: its client id and group, no consumers. */
    byte[] heartbeatBody() {
        String json = "{\"clientID\":\"" + escape(clientId) + "\",\"consumerDataSet\":[],\"producerDataSet\":[{\"groupName\":\""
                + escape(producerGroup) + "\"}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, Boolean> results(Map<String, CompletableFuture<Boolean>> checks) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        checks.forEach((address, check) -> out.put(address, check.join()));
        return out;
    }
}
