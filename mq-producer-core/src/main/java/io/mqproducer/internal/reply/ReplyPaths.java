package io.mqproducer.internal.reply;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.RequestReplyNotSupportedException;
import io.mqproducer.internal.client.Heartbeats;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.protocol.TopicRouteData;
import io.mqproducer.internal.route.NameServerClient;
import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.transport.RemotingClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure a reply can find its way back before the first request to a topic goes out. A broker pushes a reply
 * over the connection of the client that heartbeated to it under the request's {@code REPLY_TO_CLIENT} id; the
 * reply reaches whichever broker of the request's cluster the responder picks for {@code <cluster>_REPLY_TOPIC}.
 * So this caches the reply topics' routes too (the periodic heartbeat covers every cached route's brokers) and
 * waits for one accepted heartbeat to each of those brokers.
 *
 * <p>Each broker address is first asked once whether it serves request-reply at all: a RocketMQ 5 proxy answers the
 * reply request code with REQUEST_CODE_NOT_SUPPORTED and never pushes replies, so requests through it fail at once
 * with a {@link RequestReplyNotSupportedException} instead of timing out. The question is a reply to a topic no one
 * may send to, which a broker refuses without storing anything.
 */
final class ReplyPaths {
    private static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";
    /** A topic every broker refuses sends to (NO_PERMISSION), so the probe can never be stored. */
    private static final String PROBE_TOPIC = "SCHEDULE_TOPIC_XXXX";

    private final RemotingClient client;
    private final TopicRouteCache routes;
    private final NameServerClient nameServers;
    private final Heartbeats heartbeats;
    private final String wireGroup;
    private final long timeoutMillis;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> readyTopics = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> readyBrokers = new ConcurrentHashMap<>();

    ReplyPaths(RemotingClient client, TopicRouteCache routes, NameServerClient nameServers, Heartbeats heartbeats,
               String wireGroup, long timeoutMillis) {
        this.client = client;
        this.routes = routes;
        this.nameServers = nameServers;
        this.heartbeats = heartbeats;
        this.wireGroup = wireGroup;
        this.timeoutMillis = timeoutMillis;
    }

    /** Completes once replies to requests on {@code wireTopic} can reach this producer; a failure is retried next time. */
    CompletableFuture<Void> prepare(String wireTopic) {
        CompletableFuture<Void> ready = readyTopics.get(wireTopic);
        if (ready != null) {
            return ready;
        }
        CompletableFuture<Void> created = new CompletableFuture<>();
        CompletableFuture<Void> raced = readyTopics.putIfAbsent(wireTopic, created);
        if (raced != null) {
            return raced;
        }
        CompletableFuture<TopicPublishInfo> requestRoute = routes.publishInfo(wireTopic);
        // The publish table has no cluster names; the name server's route has them. A topic a broker is yet to create
        // has none: its request goes ahead (through the brokers of the template topic), and the next one looks again.
        CompletableFuture<TopicRouteData> clusterRoute = nameServers.fetchRoute(wireTopic).handle((route, error) -> route);
        CompletableFuture<Set<String>> brokers = requestRoute.thenCombine(
                clusterRoute.thenCompose(this::replyTopicRoutes), (table, replyTables) -> {
                    Set<String> addresses = new TreeSet<>(table.masterAddresses().values());
                    replyTables.forEach(reply -> addresses.addAll(reply.masterAddresses().values()));
                    return addresses;
                });
        brokers.thenCompose(addresses -> CompletableFuture.allOf(
                        addresses.stream().map(this::brokerReady).toArray(CompletableFuture[]::new)))
                .whenComplete((ok, error) -> {
                    if (error != null || clusterRoute.getNow(null) == null) {
                        readyTopics.remove(wireTopic, created);
                    }
                    if (error != null) {
                        created.completeExceptionally(error);
                    } else {
                        created.complete(null);
                    }
                });
        return created;
    }

    /** Routes of the reply topics of the clusters that serve {@code route} (none for a null route). */
    private CompletableFuture<List<TopicPublishInfo>> replyTopicRoutes(TopicRouteData route) {
        if (route == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        Set<String> clusters = new TreeSet<>();
        route.brokers().forEach(broker -> {
            if (broker.cluster() != null) {
                clusters.add(broker.cluster());
            }
        });
        List<CompletableFuture<TopicPublishInfo>> tables = new ArrayList<>();
        for (String cluster : clusters) {
            // Cached like any route: refreshed, and its brokers heartbeated, on the producer's schedule.
            tables.add(routes.publishInfo(cluster + REPLY_TOPIC_SUFFIX).handle((table, error) -> table));
        }
        return CompletableFuture.allOf(tables.toArray(CompletableFuture[]::new))
                .thenApply(done -> tables.stream().map(CompletableFuture::join)
                        .filter(table -> table != null).toList());
    }

    private CompletableFuture<Void> brokerReady(String address) {
        CompletableFuture<Void> ready = readyBrokers.computeIfAbsent(address,
                key -> probe(key).thenCompose(ok -> heartbeat(key)));
        ready.whenComplete((ok, error) -> {
            if (error != null) {
                readyBrokers.remove(address, ready);
            }
        });
        return ready;
    }

    private CompletableFuture<Void> probe(String address) {
        return client.invoke(address, probeRequest(), timeoutMillis).thenAccept(response -> {
            if (response.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
                throw new RequestReplyNotSupportedException("request-reply does not work through " + address
                        + ": it does not serve replies (a RocketMQ 5 proxy answers REQUEST_CODE_NOT_SUPPORTED and "
                        + "never pushes replies to clients). Use the brokers' name servers directly for requests.");
            }
        });
    }

    private RemotingCommand probeRequest() {
        Map<String, String> header = new HashMap<>(16);
        header.put("a", wireGroup);
        header.put("b", PROBE_TOPIC);
        header.put("c", "TBW102");
        header.put("d", "1");
        header.put("e", "0");
        header.put("f", "0");
        header.put("g", Long.toString(System.currentTimeMillis()));
        header.put("h", "0");
        header.put("i", "");
        header.put("j", "0");
        header.put("k", "false");
        header.put("m", "false");
        return RemotingCommand.request(RequestCode.SEND_REPLY_MESSAGE_V2, client.nextOpaque(), header, new byte[] {0});
    }

    private CompletableFuture<Void> heartbeat(String address) {
        return heartbeats.send(address, timeoutMillis).thenAccept(accepted -> {
            if (!accepted) {
                throw new BrokerUnavailableException("broker " + address + " did not accept this producer's heartbeat, "
                        + "so it could not push a reply to it");
            }
        });
    }
}
