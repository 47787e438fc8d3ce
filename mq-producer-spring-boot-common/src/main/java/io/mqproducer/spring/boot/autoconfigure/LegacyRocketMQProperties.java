package io.mqproducer.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The producer properties of {@code rocketmq-spring-boot-starter} ({@code rocketmq.name-server},
 * {@code rocketmq.producer.*}) that an application moving to this starter may still have, each with what to set
 * instead. This starter never reads them; it names them so that a migration does not fail silently.
 */
final class LegacyRocketMQProperties {

    private static final String P = MqProducerProperties.PREFIX + ".";
    private static final Map<String, String> REPLACEMENTS = new LinkedHashMap<>();

    static {
        REPLACEMENTS.put("rocketmq.name-server", P + "name-server");
        REPLACEMENTS.put("rocketmq.access-channel", "nothing (remove it: CLOUD channels are not supported)");
        REPLACEMENTS.put("rocketmq.producer.group", P + "group");
        REPLACEMENTS.put("rocketmq.producer.send-message-timeout", P + "send-timeout (a duration: 3000 becomes 3s)");
        REPLACEMENTS.put("rocketmq.producer.compress-message-body-threshold", P + "compression-threshold");
        REPLACEMENTS.put("rocketmq.producer.retry-times-when-send-failed", P + "retries");
        REPLACEMENTS.put("rocketmq.producer.retry-times-when-send-async-failed",
                P + "retries (one setting for sync and async)");
        REPLACEMENTS.put("rocketmq.producer.retry-next-server",
                "nothing (remove it: a retry always avoids the broker that just failed)");
        REPLACEMENTS.put("rocketmq.producer.max-message-size", P + "max-message-size");
        REPLACEMENTS.put("rocketmq.producer.access-key", P + "acl.access-key");
        REPLACEMENTS.put("rocketmq.producer.secret-key", P + "acl.secret-key");
        REPLACEMENTS.put("rocketmq.producer.enable-msg-trace", P + "trace.enabled");
        REPLACEMENTS.put("rocketmq.producer.customized-trace-topic", P + "trace.topic");
        REPLACEMENTS.put("rocketmq.producer.tls-enable", P + "ssl.bundle (name a Spring Boot SSL bundle)");
    }

    private LegacyRocketMQProperties() {
    }

    /** Every rocketmq-spring producer property set in {@code environment}, as "old → new" lines, in table order. */
    static List<String> renames(Environment environment) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> entry : REPLACEMENTS.entrySet()) {
            if (isSet(environment, ConfigurationPropertyName.of(entry.getKey()))) {
                found.add(entry.getKey() + " → " + entry.getValue());
            }
        }
        return found;
    }

    /** The sentence start-up shows for {@code renames}, or an empty string if there are none. */
    static String advice(List<String> renames) {
        if (renames.isEmpty()) {
            return "";
        }
        return "this application still sets rocketmq-spring-boot-starter properties, which this starter does not "
                + "read; rename them: " + String.join("; ", renames);
    }

    private static boolean isSet(Environment environment, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
            if (source instanceof IterableConfigurationPropertySource iterable
                    && iterable.stream().anyMatch(name::isAncestorOf)) {
                return true; // a map or list below the name, e.g. rocketmq.producer.group[0]
            }
        }
        return false;
    }
}
