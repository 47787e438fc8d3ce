package io.mqproducer.spring.boot.autoconfigure;

import java.util.UUID;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The effective settings of one named producer: the top-level {@code mq.producer.*} values overridden by those set
 * under {@code mq.producer.producers.<name>.*}. Both are bound onto one {@link ProducerProperties}, the top level
 * first, so every setting of the default producer is a setting of each named one, and falls back the same way.
 */
final class NamedProducerSettings {

    private NamedProducerSettings() {
    }

    /** The property prefix of the named producer {@code name}. */
    static String prefix(String name) {
        return MqProducerProperties.PREFIX + ".producers." + name;
    }

    /** The prefix as a name the binder takes whatever characters {@code name} has. */
    private static String bindingPrefix(String name) {
        return MqProducerProperties.PREFIX + ".producers[" + name + "]";
    }

    /**
     * Top-level settings with the named overrides applied, and a unique client id ({@code name@uuid}) unless one is
     * set for the name: a client id names one client, so the top-level one is not inherited.
     */
    static ProducerProperties effective(String name, Binder binder) {
        ProducerProperties settings = new ProducerProperties();
        binder.bind(MqProducerProperties.PREFIX, Bindable.ofInstance(settings));
        settings.setClientId(null);
        binder.bind(bindingPrefix(name), Bindable.ofInstance(settings));
        if (settings.getClientId() == null) {
            settings.setClientId(name + "@" + UUID.randomUUID());
        }
        return settings;
    }

    /**
     * The complaint about a top-level property re-attributed to {@code mq.producer.producers.<name>.*} when the value
     * came from there; otherwise unchanged (the value came from the top level).
     */
    static MqProducerPropertyException attribute(String name, Binder binder, MqProducerPropertyException e) {
        String topPrefix = MqProducerProperties.PREFIX + ".";
        if (!e.property().startsWith(topPrefix)) {
            return e;
        }
        String key = e.property().substring(topPrefix.length());
        if (!binder.bind(bindingPrefix(name) + "." + key, Bindable.of(String.class)).isBound()) {
            return e;
        }
        return new MqProducerPropertyException(prefix(name) + "." + key, e.value(), e.reason(), e);
    }
}
