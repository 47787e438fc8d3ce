package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Credentials;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidOptionsException;
import io.mqproducer.spi.SendObserver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.unit.DataSize;

/**
 * Builds {@link ProducerOptions} from {@link ProducerProperties}, observers and customizers: one property per builder
 * option, named after the option in kebab case unless {@link #RENAMED}. The core validates; this class only names
 * the property behind each complaint so that start-up failures say what to fix.
 */
final class ProducerOptionsFactory {

    /** Builder options whose property is not simply the option in kebab case. */
    private static final Map<String, String> RENAMED = Map.of(
            "nameServer", "name-server",
            "nameServers", "name-server",
            "producerGroup", "group",
            "credentials", "acl",
            "compressionType", "compression.type",
            "compressionLevel", "compression.level",
            "tls", "ssl.bundle",
            "tlsVerifyHostname", "ssl.verify-hostname",
            "traceEnabled", "trace.enabled",
            "traceTopic", "trace.topic");

    private ProducerOptionsFactory() {
    }

    /** The property (below the producer's prefix) that sets the builder option {@code option}. */
    static String property(String option) {
        return RENAMED.getOrDefault(option, option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }

    /**
     * Validated options.
     *
     * @param nameServer the name server address(es) from the connection details (the property unless a bean replaces
     *                   it)
     * @throws MqProducerPropertyException naming the property that is missing or invalid
     */
    static ProducerOptions create(ProducerProperties properties, String nameServer, List<SendObserver> observers,
            List<ProducerOptionsCustomizer> customizers) {
        boolean hasNameServer = nameServer != null && !nameServer.isBlank();
        ProducerOptions.Builder builder = (hasNameServer ? ProducerOptions.builder(nameServer) : ProducerOptions.builder())
                .producerGroup(properties.getGroup())
                .sendTimeout(properties.getSendTimeout())
                .requestTimeout(properties.getRequestTimeout())
                .connectTimeout(properties.getConnectTimeout())
                .routeRefreshInterval(properties.getRouteRefreshInterval())
                .retries(properties.getRetries())
                .maxMessageSize(bytes(properties.getMaxMessageSize(), "max-message-size"))
                .binaryHeaders(properties.isBinaryHeaders())
                .namespace(properties.getNamespace())
                .compressionThreshold(bytes(properties.getCompressionThreshold(), "compression-threshold"))
                .compressionType(properties.getCompression().getType())
                .compressionLevel(properties.getCompression().getLevel())
                .maxInflightAsync(properties.getMaxInflightAsync())
                .batchLinger(properties.getBatchLinger())
                .adaptiveBatching(properties.isAdaptiveBatching())
                .batchMaxMessages(properties.getBatchMaxMessages())
                .batchMaxBytes(bytes(properties.getBatchMaxBytes(), "batch-max-bytes"))
                .tlsVerifyHostname(properties.getSsl().isVerifyHostname())
                .traceEnabled(properties.getTrace().isEnabled())
                .traceTopic(properties.getTrace().getTopic())
                .observer(CompositeSendObserver.of(observers));
        if (properties.getClientId() != null) {
            builder.clientId(properties.getClientId());
        }
        if (properties.getIoThreads() != null) {
            builder.ioThreads(properties.getIoThreads());
        }
        credentials(properties.getAcl(), builder);
        customizers.forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (InvalidOptionsException e) {
            throw explain(properties, hasNameServer ? nameServer : null, e);
        }
    }

    /** A size as the int the core takes; sizes beyond that cannot be represented, whatever the core allows. */
    private static int bytes(DataSize size, String property) {
        long bytes = size == null ? -1 : size.toBytes();
        if (bytes < 0 || bytes > Integer.MAX_VALUE) {
            throw new MqProducerPropertyException(MqProducerProperties.PREFIX + "." + property,
                    String.valueOf(size), "must be between 0B and 2GB", null);
        }
        return (int) bytes;
    }

    /** ACL credentials when either key is set; the core says what is missing, the secret is never shown. */
    private static void credentials(ProducerProperties.Acl acl, ProducerOptions.Builder builder) {
        String accessKey = acl.getAccessKey();
        String secretKey = acl.getSecretKey();
        if ((accessKey == null || accessKey.isBlank()) && (secretKey == null || secretKey.isEmpty())) {
            return; // neither set (or set empty, as by an unset ${placeholder:}): no ACL signing
        }
        try {
            builder.credentials(Credentials.of(accessKey, secretKey));
        } catch (InvalidOptionsException e) {
            String missing = accessKey == null || accessKey.isBlank() ? "access-key" : "secret-key";
            throw new MqProducerPropertyException(MqProducerProperties.PREFIX + ".acl." + missing, null,
                    e.getMessage() + "; ACL needs both mq.producer.acl.access-key and mq.producer.acl.secret-key", e);
        }
    }

    /** The core's complaint, attributed to the property it is about (when it is about one). */
    static RuntimeException explain(ProducerProperties properties, String nameServer, InvalidOptionsException e) {
        if (e.option() == null) {
            return e;
        }
        String property = property(e.option());
        String value = "name-server".equals(property) ? nameServer : valueOf(properties, property);
        // A property not set is the root of the failure; the core's complaint about it says nothing more.
        return new MqProducerPropertyException(MqProducerProperties.PREFIX + "." + property, value, e.getMessage(),
                value == null ? null : e);
    }

    /** The configured value of a property, as shown in a failure; never one of the ACL keys. */
    private static String valueOf(ProducerProperties properties, String property) {
        if (property.startsWith("acl")) {
            return null;
        }
        String path = Pattern.compile("-([a-z])").matcher(property)
                .replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT));
        try {
            Object value = PropertyAccessorFactory.forBeanPropertyAccess(properties).getPropertyValue(path);
            return value == null ? null : String.valueOf(value);
        } catch (BeansException e) {
            return null; // not a property of ours (an option a customizer set)
        }
    }
}
