package io.mqproducer;

import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.BrokerAvailability;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Read-only snapshots of a producer's routes and broker states, in the public API's types. */
final class ProducerDiagnostics {
    private ProducerDiagnostics() {
    }

    static List<TopicRoute> routes(TopicRouteCache cache) {
        return cache.snapshot().values().stream().map(ProducerDiagnostics::route).toList();
    }

    static Map<String, BrokerState> brokerStates(BrokerAvailability availability) {
        Map<String, Long> avoided = availability.avoidedUntil();
        Map<String, Long> latencies = availability.lastLatencies();
        Map<String, BrokerState> states = new TreeMap<>();
        Set<String> names = new TreeSet<>(latencies.keySet());
        names.addAll(avoided.keySet());
        for (String name : names) {
            Long until = avoided.get(name);
            states.put(name, new BrokerState(name, until == null ? null : Instant.ofEpochMilli(until),
                    latencies.getOrDefault(name, -1L)));
        }
        return states;
    }

    private static TopicRoute route(TopicPublishInfo info) {
        Map<String, Integer> queues = new TreeMap<>();
        info.queues().forEach(queue -> queues.merge(queue.brokerName(), 1, Integer::sum));
        List<TopicRoute.Broker> brokers = queues.entrySet().stream()
                .map(e -> new TopicRoute.Broker(e.getKey(), info.masterAddress(e.getKey()), e.getValue()))
                .toList();
        return new TopicRoute(info.topic(), brokers, info.viaDefaultTopic());
    }
}
