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

    // Core messages start with the option's name in words; this maps them back to the property that sets it.
    private static final List<Map.Entry<String, String>> OPTION_PROPERTIES = List.of(
            Map.entry("at least one name server", "name-server"),
            Map.entry("name server", "name-server"),
            Map.entry("producer group", "group"),
            Map.entry("send timeout", "send-timeout"),
            Map.entry("connect timeout", "connect-timeout"),
            Map.entry("route refresh interval", "route-refresh-interval"),
            Map.entry("retries", "retries"),
            Map.entry("max message size", "max-message-size"),
            Map.entry("io threads", "io-threads"));

    private ProducerOptionsFactory() {
    }

    /**
     * Validated options.
     *
     * @throws MqProducerPropertyException naming the property that is missing or invalid
     */
    static ProducerOptions create(MqProducerProperties properties, List<SendObserver> observers,
            List<ProducerOptionsCustomizer> customizers) {
        String nameServer = properties.getNameServer();
        if (nameServer == null || nameServer.isBlank()) {
            throw new MqProducerPropertyException(NAME_SERVER, null,
                    "the producer needs at least one name server address, host:port, several separated by ';'",
                    null);
        }
        ProducerOptions.Builder builder = ProducerOptions.builder(nameServer)
                .producerGroup(properties.getGroup())
                .sendTimeout(properties.getSendTimeout())
                .connectTimeout(properties.getConnectTimeout())
                .routeRefreshInterval(properties.getRouteRefreshInterval())
                .retries(properties.getRetries())
                .maxMessageSize(toInt(properties))
                .binaryHeaders(properties.isBinaryHeaders())
                .observer(CompositeSendObserver.of(observers));
        if (properties.getIoThreads() != null) {
            builder.ioThreads(properties.getIoThreads());
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (InvalidOptionsException e) {
            throw explain(properties, e);
        }
    }

    private static int toInt(MqProducerProperties properties) {
        long bytes = properties.getMaxMessageSize() == null ? -1 : properties.getMaxMessageSize().toBytes();
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
            throw new MqProducerPropertyException(MqProducerProperties.PREFIX + ".max-message-size",
                    String.valueOf(properties.getMaxMessageSize()), "must be between 1B and 64MB", null);
        }
        return (int) bytes;
    }

    /** The core's complaint, attributed to the property it is about (when it is about one). */
    static RuntimeException explain(MqProducerProperties properties, InvalidOptionsException e) {
        String message = String.valueOf(e.getMessage());
        for (Map.Entry<String, String> option : OPTION_PROPERTIES) {
            if (message.startsWith(option.getKey())) {
                String property = MqProducerProperties.PREFIX + "." + option.getValue();
                return new MqProducerPropertyException(property, valueOf(properties, option.getValue()), message, e);
            }
        }
        return e;
    }

    private static String valueOf(MqProducerProperties properties, String property) {
        Object value = switch (property) {
            case "name-server" -> properties.getNameServer();
            case "group" -> properties.getGroup();
            case "send-timeout" -> properties.getSendTimeout();
            case "connect-timeout" -> properties.getConnectTimeout();
            case "route-refresh-interval" -> properties.getRouteRefreshInterval();
            case "retries" -> properties.getRetries();
            case "max-message-size" -> properties.getMaxMessageSize();
            case "io-threads" -> properties.getIoThreads();
            default -> null;
        };
        return String.valueOf(value);
    }
}
