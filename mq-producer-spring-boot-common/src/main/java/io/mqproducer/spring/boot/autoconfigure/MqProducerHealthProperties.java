package io.mqproducer.spring.boot.autoconfigure;

import java.time.Duration;

/** Settings of the {@code mqProducer} health contributor, bound from {@code mq.producer.health.*}. */
public class MqProducerHealthProperties {

    /** How long one health check waits for name servers and brokers to answer. */
    private Duration timeout = Duration.ofSeconds(2);

    /** How long a health result is reused before name servers and brokers are asked again; 0 asks every time. */
    private Duration cacheTimeToLive = Duration.ofSeconds(5);

    /** How long one health check waits for name servers and brokers to answer. */
    public Duration getTimeout() {
        return timeout;
    }

    /** Sets how long one health check waits for answers. */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** How long a health result is reused before name servers and brokers are asked again. */
    public Duration getCacheTimeToLive() {
        return cacheTimeToLive;
    }

    /** Sets how long a health result is reused; zero asks every time. */
    public void setCacheTimeToLive(Duration cacheTimeToLive) {
        this.cacheTimeToLive = cacheTimeToLive;
    }
}
