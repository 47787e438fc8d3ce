package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidOptionsException;
import io.mqproducer.spi.SendObserver;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ProducerOptions} from {@link MqProducerProperties}, observers and customizers. The core validates;
 * this class only names the property behind each complaint so that start-up failures say what to fix.
 */
final class ProducerOptionsFactory {
    private static final String NAME_SERVER = MqProducerProperties.PREFIX + ".name-server";

    /** Core option names whose property is not simply the option in kebab case. */
    private static final Map<String, String> RENAMED = Map.of(
            "nameServers", "name-server",
            "producerGroup", "group",
            "credentials", "acl",
            "compressionType", "compression.type",
            "compressionLevel", "compression.level",
            "traceEnabled", "trace.enabled",
            "traceTopic", "trace.topic");

    private ProducerOptionsFactory() {
    }

    /**
     * Validated options.
     *
     * @param nameServer the name server address(es) from the connection details (the property unless a bean replaces
     *                   it)
     * @throws MqProducerPropertyException naming the property that is missing or invalid
     */
    static ProducerOptions create(MqProducerProperties properties, String nameServer, List<SendObserver> observers,
            List<ProducerOptionsCustomizer> customizers) {
        if (nameServer == null || nameServer.isBlank()) {
            throw new MqProducerPropertyException(NAME_SERVER, null,
                    "the producer needs at least one name server address, host:port, several separated by ';' or ','",
                    null);
        }
        ProducerOptions.Builder builder = ProducerOptions.builder(nameServer)
                .producerGroup(properties.getGroup())
                .sendTimeout(properties.getSendTimeout())
                .requestTimeout(properties.getRequestTimeout())
                .connectTimeout(properties.getConnectTimeout())
                .routeRefreshInterval(properties.getRouteRefreshInterval())
                .retries(properties.getRetries())
                .maxMessageSize(toInt(properties.getMaxMessageSize(), "max-message-size"))
                .binaryHeaders(properties.isBinaryHeaders())
                .namespace(properties.getNamespace())
                .compressionThreshold(toInt(properties.getCompressionThreshold(), "compression-threshold"))
                .compressionType(properties.getCompression().getType())
                .compressionLevel(properties.getCompression().getLevel())
                .maxInflightAsync(properties.getMaxInflightAsync())
                .batchLinger(properties.getBatchLinger())
                .adaptiveBatching(properties.isAdaptiveBatching())
                .traceEnabled(properties.getTrace().isEnabled())
                .traceTopic(properties.getTrace().getTopic())
                .observer(CompositeSendObserver.of(observers));
        if (properties.getClientId() != null) {
            builder.clientId(properties.getClientId());
        }
        credentials(properties.getAcl(), builder);
        if (properties.getIoThreads() != null) {
            builder.ioThreads(properties.getIoThreads());
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (InvalidOptionsException e) {
            throw explain(properties, nameServer, e);
        }
    }

    private static int toInt(org.springframework.util.unit.DataSize size, String property) {
        long bytes = size == null ? -1 : size.toBytes();
        if (bytes < 0 || bytes > Integer.MAX_VALUE) {
            throw new MqProducerPropertyException(MqProducerProperties.PREFIX + "." + property,
                    String.valueOf(size), "must be between 0B and 2GB", null);
        }
        return (int) bytes;
    }

    private static void credentials(MqProducerProperties.Acl acl, ProducerOptions.Builder builder) {
        boolean hasKey = acl.getAccessKey() != null && !acl.getAccessKey().isBlank();
        boolean hasSecret = acl.getSecretKey() != null && !acl.getSecretKey().isEmpty();
        if (hasKey != hasSecret) {
            String missing = hasKey ? "secret-key" : "access-key";
            throw new MqProducerPropertyException(MqProducerProperties.PREFIX + ".acl." + missing, null,
                    "ACL needs both mq.producer.acl.access-key and mq.producer.acl.secret-key", null);
        }
        if (hasKey) {
            builder.credentials(io.mqproducer.Credentials.of(acl.getAccessKey(), acl.getSecretKey()));
        }
    }

    /** The core's complaint, attributed to the property it is about (when it is about one). */
    static RuntimeException explain(MqProducerProperties properties, String nameServer, InvalidOptionsException e) {
        if (e.option() == null) {
            return e;
        }
        String property = RENAMED.getOrDefault(e.option(), kebab(e.option()));
        String value = "acl".equals(property) ? null
                : "name-server".equals(property) ? nameServer : valueOf(properties, property);
        return new MqProducerPropertyException(MqProducerProperties.PREFIX + "." + property, value, e.getMessage(), e);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String valueOf(MqProducerProperties properties, String property) {
        Object value = switch (property) {
            case "group" -> properties.getGroup();
            case "send-timeout" -> properties.getSendTimeout();
            case "request-timeout" -> properties.getRequestTimeout();
            case "connect-timeout" -> properties.getConnectTimeout();
            case "route-refresh-interval" -> properties.getRouteRefreshInterval();
            case "retries" -> properties.getRetries();
            case "max-message-size" -> properties.getMaxMessageSize();
            case "io-threads" -> properties.getIoThreads();
            case "namespace" -> properties.getNamespace();
            case "batch-linger" -> properties.getBatchLinger();
            case "max-inflight-async" -> properties.getMaxInflightAsync();
            case "compression-threshold" -> properties.getCompressionThreshold();
            case "compression.type" -> properties.getCompression().getType();
            case "compression.level" -> properties.getCompression().getLevel();
            case "trace.topic" -> properties.getTrace().getTopic();
            default -> null;
        };
        return value == null ? null : String.valueOf(value);
    }
}
