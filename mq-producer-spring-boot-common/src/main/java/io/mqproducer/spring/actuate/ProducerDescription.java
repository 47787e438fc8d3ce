package io.mqproducer.spring.actuate;

import io.mqproducer.BrokerState;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.TopicRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link MqProducerEndpoint} shows of one producer: its settings (never credentials or key material), its
 * cached routes, what queue selection knows of each broker, and its sends in flight.
 *
 * @param running  whether the producer is started and not closed
 * @param inflight sends started and not yet finished
 * @param settings the producer's options that are safe to show
 * @param routes   cached routes by topic (as sent on the wire, with namespace)
 * @param brokers  broker availability by broker name
 */
public record ProducerDescription(boolean running, int inflight, Settings settings, Map<String, Route> routes,
                                  Map<String, Broker> brokers) {

    /** Describes {@code producer} as it is now. */
    public static ProducerDescription of(Producer producer) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (TopicRoute route : producer.routes()) {
            routes.put(route.topic(), new Route(route.viaDefaultTopic(), route.brokers()));
        }
        Map<String, Broker> brokers = new LinkedHashMap<>();
        producer.brokerStates().forEach((name, state) -> brokers.put(name, Broker.of(state)));
        return new ProducerDescription(producer.isRunning(), producer.inflightSends(),
                Settings.of(producer.options()), routes, brokers);
    }

    /**
     * The settings of a producer. Durations as ISO-8601 strings; ACL and TLS only say whether they are on.
     *
     * @param group the producer group
     * @param nameServers the name server addresses
     * @param clientId the client id
     * @param namespace the namespace, or empty
     * @param sendTimeout the budget of one send, retries included
     * @param connectTimeout how long a connection may take
     * @param retries attempts after the first one
     * @param maxMessageSize the largest body accepted, in bytes
     * @param compressionThreshold bodies larger than this are compressed, in bytes
     * @param maxInflightAsync the most async sends in flight
     * @param adaptiveBatching whether overlapping sends share batch requests
     * @param batchLinger how long async sends wait to share a batch
     * @param routeRefreshInterval how often routes are refreshed
     * @param requestTimeout the budget of one attempt (one request to one broker)
     * @param compressionType the codec of compressed bodies
     * @param binaryHeaders whether request headers are binary (else JSON)
     * @param acl whether requests are signed with ACL credentials
     * @param tls whether connections use TLS
     * @param transactionChecker whether a transaction checker answers the broker's check-backs
     * @param trace whether message trace records are written
     * @param traceTopic the topic trace records go to (when trace is on)
     */
    public record Settings(String group, List<String> nameServers, String clientId, String namespace,
                           String sendTimeout, String connectTimeout, int retries, int maxMessageSize,
                           int compressionThreshold, int maxInflightAsync, boolean adaptiveBatching,
                           String batchLinger, String routeRefreshInterval, String requestTimeout,
                           String compressionType,
                           boolean binaryHeaders, boolean acl, boolean tls, boolean transactionChecker,
                           boolean trace, String traceTopic) {

        static Settings of(ProducerOptions options) {
            return new Settings(options.producerGroup(), options.nameServers(), options.clientId(),
                    options.namespace() == null ? "" : options.namespace(), String.valueOf(options.sendTimeout()),
                    String.valueOf(options.connectTimeout()), options.retries(), options.maxMessageSize(),
                    options.compressionThreshold(), options.maxInflightAsync(), options.adaptiveBatching(),
                    String.valueOf(options.batchLinger()), String.valueOf(options.routeRefreshInterval()),
                    String.valueOf(options.requestTimeout()), options.compressionType().name(),
                    options.binaryHeaders(), options.credentials() != null,
                    options.tlsContext() != null, options.transactionChecker() != null, options.traceEnabled(),
                    options.traceTopic());
        }
    }

    /**
     * A cached route.
     *
     * @param viaDefaultTopic the topic does not exist yet; its queues come from the auto-create template topic
     * @param brokers         each broker with its address and writable queues
     */
    public record Route(boolean viaDefaultTopic, List<TopicRoute.Broker> brokers) {
    }

    /**
     * What queue selection knows of a broker.
     *
     * @param avoidedUntil      until when new sends avoid it (ISO-8601 instant), or {@code null} when they do not
     * @param lastLatencyMillis how long its last answer took, or {@code -1}
     */
    public record Broker(@Nullable String avoidedUntil, long lastLatencyMillis) {

        static Broker of(BrokerState state) {
            boolean avoided = state.isAvoidedAt(java.time.Instant.now());
            return new Broker(avoided ? state.avoidedUntil().toString() : null, state.lastLatencyMillis());
        }
    }
}
