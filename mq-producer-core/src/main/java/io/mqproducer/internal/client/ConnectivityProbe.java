package io.mqproducer.internal.client;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.internal.transport.FailureReasons;
import io.mqproducer.internal.transport.RemotingClient;
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
    private final Heartbeats heartbeats;

    public ConnectivityProbe(RemotingClient client, List<String> nameServers, Heartbeats heartbeats) {
        this.client = client;
        this.nameServers = List.copyOf(nameServers);
        this.heartbeats = heartbeats;
    }

    public CompletableFuture<ConnectivityReport> probe(Collection<String> brokers, long timeoutMillis) {
        Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, CompletableFuture<Boolean>> names = new LinkedHashMap<>();
        for (String address : nameServers) {
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, client.nextOpaque(),
                    Map.of("topic", Topics.AUTO_CREATE_TEMPLATE), null);
            names.put(address, client.invoke(address, request, timeoutMillis).handle((r, e) -> {
                if (e != null) {
                    failures.put(address, FailureReasons.describe(e));
                }
                return e == null;
            }));
        }
        Map<String, CompletableFuture<Boolean>> brokerChecks = new LinkedHashMap<>();
        for (String address : brokers) {
            brokerChecks.put(address, heartbeats.send(address, timeoutMillis));
        }
        CompletableFuture<?>[] all = new CompletableFuture<?>[names.size() + brokerChecks.size()];
        int i = 0;
        for (CompletableFuture<Boolean> f : names.values()) {
            all[i++] = f;
        }
        for (CompletableFuture<Boolean> f : brokerChecks.values()) {
            all[i++] = f;
        }
        return CompletableFuture.allOf(all).thenApply(done -> new ConnectivityReport(results(names), results(brokerChecks),
                failures));
    }

    private static Map<String, Boolean> results(Map<String, CompletableFuture<Boolean>> checks) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        checks.forEach((address, check) -> out.put(address, check.join()));
        return out;
    }
}
