package io.mqproducer.spring.health;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.TopicRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a connectivity report and the cached routes into a status: DOWN only when the producer cannot send, UP
 * (with what is degraded) otherwise. Pure: no I/O.
 */
final class ProducerHealthAssessment {
    static final String NO_ROUTE_NO_NAME_SERVER = "no route cached and no name server answered";
    static final String NO_WRITABLE_BROKER = "no topic in use has a reachable broker with writable queues";

    private ProducerHealthAssessment() {
    }

    /**
     * UP when a topic in use has a writable queue on a broker that answered, or, with no route cached yet, a name
     * server answered; DOWN otherwise. Details: {@code nameServers} and {@code brokers} (address to UP or DOWN),
     * {@code topics} (how many routes are cached, how many can be written), {@code degraded} (what is unreachable).
     */
    static ProducerHealth assess(ConnectivityReport report, List<TopicRoute> routes) {
        List<String> degraded = new ArrayList<>();
        report.nameServers().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted()
                .forEach(address -> degraded.add("name server " + address + " unreachable"));
        Map<String, String> brokerNames = brokerNames(routes);
        report.brokers().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted()
                .forEach(address -> degraded.add("broker " + brokerNames.getOrDefault(address, "?") + " ("
                        + address + ") unreachable"));
        int sendable = 0;
        for (TopicRoute route : routes) {
            if (route.brokers().stream().anyMatch(b -> b.writableQueues() > 0
                    && Boolean.TRUE.equals(report.brokers().get(b.address())))) {
                sendable++;
            } else {
                degraded.add("topic " + route.topic() + " has no reachable broker with writable queues");
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nameServers", statuses(report.nameServers()));
        details.put("brokers", statuses(report.brokers()));
        details.put("topics", Map.of("cached", routes.size(), "writable", sendable));
        details.put("degraded", degraded);
        if (routes.isEmpty()) {
            return report.nameServers().containsValue(true) ? new ProducerHealth(ProducerHealth.UP, details)
                    : down(details, NO_ROUTE_NO_NAME_SERVER);
        }
        return sendable > 0 ? new ProducerHealth(ProducerHealth.UP, details) : down(details, NO_WRITABLE_BROKER);
    }

    private static ProducerHealth down(Map<String, Object> details, String reason) {
        details.put("reason", reason);
        return new ProducerHealth(ProducerHealth.DOWN, details);
    }

    private static Map<String, String> brokerNames(List<TopicRoute> routes) {
        Map<String, String> names = new LinkedHashMap<>();
        routes.forEach(route -> route.brokers().forEach(broker -> names.put(broker.address(), broker.name())));
        return names;
    }

    private static Map<String, String> statuses(Map<String, Boolean> answered) {
        Map<String, String> statuses = new TreeMap<>();
        answered.forEach((address, up) -> statuses.put(address, up ? "UP" : "DOWN"));
        return statuses;
    }
}
