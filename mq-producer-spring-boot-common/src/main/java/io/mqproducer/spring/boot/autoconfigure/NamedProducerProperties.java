package io.mqproducer.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * One named producer, bound from {@code mq.producer.producers.<name>.*}: the same settings as the default producer,
 * where every one not set falls back to the top-level {@code mq.producer.*} one (see {@link NamedProducerSettings});
 * {@code topics} picks which sends the routing template gives it.
 */
public class NamedProducerProperties extends ProducerProperties {

    /** Topic patterns routed to this producer: globs ('*' any run, '?' one character) or 'regex:' followed by a regular expression. */
    private List<String> topics = new ArrayList<>();

    /** Topic patterns routed to this producer. */
    public List<String> getTopics() {
        return topics;
    }

    /** Sets the topic patterns routed to this producer. */
    public void setTopics(List<String> topics) {
        this.topics = topics;
    }
}
