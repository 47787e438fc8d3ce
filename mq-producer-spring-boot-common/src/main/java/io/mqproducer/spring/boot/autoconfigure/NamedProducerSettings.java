package io.mqproducer.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The effective settings of one named producer: the top-level {@code mq.producer.*} values overridden by those set
 * under {@code mq.producer.producers.<name>.*}.
 */
final class NamedProducerSettings {

    private NamedProducerSettings() {
    }

    /** The property prefix of the named producer {@code name}. */
    static String prefix(String name) {
        return MqProducerProperties.PREFIX + ".producers." + name;
    }

    /**
     * Top-level settings with the named overrides applied, and a unique client id ({@code name@uuid}) unless one is
     * set for the name.
     */
    static MqProducerProperties effective(String name, NamedProducerProperties named, MqProducerProperties top) {
        MqProducerProperties copy = new MqProducerProperties();
        copy.setNameServer(named.getNameServer() != null ? named.getNameServer() : top.getNameServer());
        copy.setGroup(or(named.getGroup(), top.getGroup()));
        copy.setSendTimeout(or(named.getSendTimeout(), top.getSendTimeout()));
        copy.setRequestTimeout(or(named.getRequestTimeout(), top.getRequestTimeout()));
        copy.setConnectTimeout(or(named.getConnectTimeout(), top.getConnectTimeout()));
        copy.setRetries(or(named.getRetries(), top.getRetries()));
        copy.setNamespace(or(named.getNamespace(), top.getNamespace()));
        copy.setClientId(or(named.getClientId(), name + "@" + UUID.randomUUID()));
        copy.setMaxMessageSize(or(named.getMaxMessageSize(), top.getMaxMessageSize()));
        copy.setMaxInflightAsync(or(named.getMaxInflightAsync(), top.getMaxInflightAsync()));
        copy.setBatchLinger(or(named.getBatchLinger(), top.getBatchLinger()));
        copy.setAdaptiveBatching(or(named.getAdaptiveBatching(), top.isAdaptiveBatching()));
        copy.setRouteRefreshInterval(top.getRouteRefreshInterval());
        copy.setIoThreads(top.getIoThreads());
        copy.setBinaryHeaders(top.isBinaryHeaders());
        copy.setCompressionThreshold(top.getCompressionThreshold());
        copy.getCompression().setType(top.getCompression().getType());
        copy.getCompression().setLevel(top.getCompression().getLevel());
        copy.getAcl().setAccessKey(top.getAcl().getAccessKey());
        copy.getAcl().setSecretKey(top.getAcl().getSecretKey());
        copy.getSsl().setBundle(top.getSsl().getBundle());
        copy.getSsl().setVerifyHostname(top.getSsl().isVerifyHostname());
        copy.setFailFast(top.isFailFast());
        copy.setFailFastTimeout(top.getFailFastTimeout());
        copy.getTrace().setEnabled(or(named.getTrace().getEnabled(), top.getTrace().isEnabled()));
        copy.getTrace().setTopic(or(named.getTrace().getTopic(), top.getTrace().getTopic()));
        return copy;
    }

    /**
     * The complaint about a top-level property re-attributed to {@code mq.producer.producers.<name>.*} when the value
     * came from there; otherwise unchanged (the value came from the top level).
     */
    static MqProducerPropertyException attribute(String name, NamedProducerProperties named, MqProducerPropertyException e) {
        String topPrefix = MqProducerProperties.PREFIX + ".";
        if (!e.property().startsWith(topPrefix)) {
            return e;
        }
        String key = e.property().substring(topPrefix.length());
        if (overrides(named).get(key) == null) {
            return e;
        }
        return new MqProducerPropertyException(prefix(name) + "." + key, e.value(), e.reason(), e);
    }

    private static Map<String, Object> overrides(NamedProducerProperties named) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("name-server", named.getNameServer());
        set.put("group", named.getGroup());
        set.put("send-timeout", named.getSendTimeout());
        set.put("request-timeout", named.getRequestTimeout());
        set.put("connect-timeout", named.getConnectTimeout());
        set.put("retries", named.getRetries());
        set.put("namespace", named.getNamespace());
        set.put("client-id", named.getClientId());
        set.put("max-message-size", named.getMaxMessageSize());
        set.put("max-inflight-async", named.getMaxInflightAsync());
        set.put("batch-linger", named.getBatchLinger());
        set.put("adaptive-batching", named.getAdaptiveBatching());
        set.put("trace.enabled", named.getTrace().getEnabled());
        set.put("trace.topic", named.getTrace().getTopic());
        return set;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
