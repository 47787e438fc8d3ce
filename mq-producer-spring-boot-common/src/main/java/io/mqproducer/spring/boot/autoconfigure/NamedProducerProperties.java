package io.mqproducer.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * One named producer, bound from {@code mq.producer.producers.<name>.*}: every unset setting falls back to the
 * top-level {@code mq.producer.*} one; {@code topics} picks which sends the routing template gives it.
 */
public class NamedProducerProperties {

    /** Name server address as host:port, several separated by ';' or ','; unset means the top-level one. */
    private String nameServer;

    /** Producer group; unset means the top-level one. */
    private String group;

    /** Budget of one whole send, every retry included; unset means the top-level one. */
    private Duration sendTimeout;

    /** How long one attempt may wait for its answer; unset means the top-level one. */
    private Duration requestTimeout;

    /** How long establishing one TCP connection may take; unset means the top-level one. */
    private Duration connectTimeout;

    /** How many times a failed send is tried again; unset means the top-level one. */
    private Integer retries;

    /** Namespace prefixed to topics and the group; unset means the top-level one. */
    private String namespace;

    /** Client id towards brokers; unset means a unique one, name@uuid. */
    private String clientId;

    /** Largest message body accepted; unset means the top-level one. */
    private DataSize maxMessageSize;

    /** Async sends allowed in flight at once; unset means the top-level one. */
    private Integer maxInflightAsync;

    /** Linger of automatic async batching; unset means the top-level one. */
    private Duration batchLinger;

    /** Whether overlapping sends share batch requests; unset means the top-level setting. */
    private Boolean adaptiveBatching;

    /** Message trace of this producer; unset settings fall back to the top-level mq.producer.trace.* ones. */
    private final Trace trace = new Trace();

    /** Topic patterns routed to this producer: globs ('*' any run, '?' one character) or 'regex:' followed by a regular expression. */
    private List<String> topics = new ArrayList<>();

    /** Name server address(es), or {@code null} for the top-level one. */
    public String getNameServer() {
        return nameServer;
    }

    /** Sets the name server address(es). */
    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    /** Producer group, or {@code null} for the top-level one. */
    public String getGroup() {
        return group;
    }

    /** Sets the producer group. */
    public void setGroup(String group) {
        this.group = group;
    }

    /** Budget of one whole send, or {@code null} for the top-level one. */
    public Duration getSendTimeout() {
        return sendTimeout;
    }

    /** Sets the budget of one whole send. */
    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    /** Timeout of one attempt, or {@code null} for the top-level one. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** Sets the timeout of one attempt. */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** Connect timeout, or {@code null} for the top-level one. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the connect timeout. */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Retries, or {@code null} for the top-level value. */
    public Integer getRetries() {
        return retries;
    }

    /** Sets how many times a failed send is tried again. */
    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    /** Namespace, or {@code null} for the top-level one. */
    public String getNamespace() {
        return namespace;
    }

    /** Sets the namespace. */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /** Client id, or {@code null} for a unique one. */
    public String getClientId() {
        return clientId;
    }

    /** Sets the client id. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Largest message body, or {@code null} for the top-level value. */
    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    /** Sets the largest message body accepted. */
    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Async sends in flight at once, or {@code null} for the top-level value. */
    public Integer getMaxInflightAsync() {
        return maxInflightAsync;
    }

    /** Sets how many async sends may be in flight at once. */
    public void setMaxInflightAsync(Integer maxInflightAsync) {
        this.maxInflightAsync = maxInflightAsync;
    }

    /** Batching linger, or {@code null} for the top-level value. */
    public Duration getBatchLinger() {
        return batchLinger;
    }

    /** Sets the linger of automatic async batching. */
    public void setBatchLinger(Duration batchLinger) {
        this.batchLinger = batchLinger;
    }

    /** Adaptive batching, or {@code null} for the top-level setting. */
    public Boolean getAdaptiveBatching() {
        return adaptiveBatching;
    }

    /** Sets whether overlapping sends share batch requests. */
    public void setAdaptiveBatching(Boolean adaptiveBatching) {
        this.adaptiveBatching = adaptiveBatching;
    }

    /** Message trace settings of this producer. */
    public Trace getTrace() {
        return trace;
    }

    /** Topic patterns routed to this producer. */
    public List<String> getTopics() {
        return topics;
    }

    /** Sets the topic patterns routed to this producer. */
    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    /** Message trace of one named producer, bound from {@code mq.producer.producers.<name>.trace.*}. */
    public static class Trace {

        /** Whether to write message trace records; unset means the top-level mq.producer.trace.enabled. */
        private Boolean enabled;

        /** Topic the trace records go to; unset means the top-level mq.producer.trace.topic. */
        private String topic;

        /** Whether trace records are written, or {@code null} for the top-level setting. */
        public Boolean getEnabled() {
            return enabled;
        }

        /** Sets whether trace records are written. */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** The trace topic, or {@code null} for the top-level one. */
        public String getTopic() {
            return topic;
        }

        /** Sets the trace topic. */
        public void setTopic(String topic) {
            this.topic = topic;
        }
    }
}
