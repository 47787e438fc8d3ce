package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import io.mqproducer.spring.ProducerTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers configured under {@code mq.producer.producers.<name>.*}: one started {@link Producer} per name, each
 * its own client, and one {@link ProducerTemplate} around each. Closing this closes every producer.
 */
public final class NamedProducers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NamedProducers.class);

    private final Map<String, Producer> producers;
    private final Map<String, ProducerTemplate> templates;
    private final Map<String, List<String>> topics;

    private NamedProducers(Map<String, Producer> producers, Map<String, ProducerTemplate> templates,
            Map<String, List<String>> topics) {
        this.producers = producers;
        this.templates = templates;
        this.topics = topics;
    }

    /**
     * Creates and starts one producer per name, in declaration order; when one fails, those already started are
     * closed again.
     *
     * @param producerFactory builds and starts the producer of one name from its effective settings
     * @param templateFactory wraps a producer in a template
     */
    static NamedProducers start(MqProducerProperties properties,
            Function<Map.Entry<String, NamedProducerProperties>, Producer> producerFactory,
            Function<Producer, ProducerTemplate> templateFactory) {
        Map<String, Producer> producers = new LinkedHashMap<>();
        Map<String, ProducerTemplate> templates = new LinkedHashMap<>();
        Map<String, List<String>> topics = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, NamedProducerProperties> entry : properties.getProducers().entrySet()) {
                Producer producer = producerFactory.apply(entry);
                producers.put(entry.getKey(), producer);
                templates.put(entry.getKey(), templateFactory.apply(producer));
                topics.put(entry.getKey(), List.copyOf(entry.getValue().getTopics()));
            }
        } catch (RuntimeException e) {
            new NamedProducers(producers, templates, topics).close();
            throw e;
        }
        return new NamedProducers(producers, templates, topics);
    }

    /** The names, in declaration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(templates.keySet());
    }

    /**
     * The template of one name.
     *
     * @throws IllegalArgumentException when there is no producer of that name
     */
    public ProducerTemplate template(String name) {
        return require(templates, name);
    }

    /**
     * The producer of one name.
     *
     * @throws IllegalArgumentException when there is no producer of that name
     */
    public Producer producer(String name) {
        return require(producers, name);
    }

    /** The topic patterns routed to one name, as configured. */
    public List<String> topics(String name) {
        return require(topics, name);
    }

    /** Closes every producer, the last declared first; a failure to close one does not keep the others open. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(producers.keySet());
        Collections.reverse(names);
        for (String name : names) {
            try {
                producers.get(name).close();
            } catch (RuntimeException e) {
                log.warn("Closing RocketMQ producer '{}' failed: {}", name, e.toString());
            }
        }
    }

    private <T> T require(Map<String, T> map, String name) {
        T value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no producer named '" + name + "' under "
                    + MqProducerProperties.PREFIX + ".producers; configured: " + templates.keySet());
        }
        return value;
    }
}
