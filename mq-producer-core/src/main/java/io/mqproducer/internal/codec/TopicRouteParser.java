package io.mqproducer.internal.codec;

import io.mqproducer.internal.protocol.TopicRouteData;
import io.mqproducer.internal.protocol.TopicRouteData.BrokerData;
import io.mqproducer.internal.protocol.TopicRouteData.QueueData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the route body of {@code GET_ROUTEINFO_BY_TOPIC}. Name servers write it with fastjson, which leaves
 * numeric map keys unquoted ({@code "brokerAddrs":{0:"host:port"}}), so the parser accepts unquoted names.
 */
public final class TopicRouteParser {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private TopicRouteParser() {
    }

    public static TopicRouteData parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new CodecException("empty topic route body");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new CodecException("malformed topic route JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new CodecException("topic route JSON is not an object");
        }
        return new TopicRouteData(brokers(root.path("brokerDatas")), queues(root.path("queueDatas")));
    }

    /** How many brokers the body of {@code GET_BROKER_CLUSTER_INFO} lists (its {@code brokerAddrTable}). */
    public static int registeredBrokers(byte[] json) {
        if (json == null || json.length == 0) {
            throw new CodecException("empty cluster info body");
        }
        try {
            JsonNode table = MAPPER.readTree(json).path("brokerAddrTable");
            return table.isObject() ? table.size() : 0;
        } catch (JacksonException e) {
            throw new CodecException("malformed cluster info JSON", e);
        }
    }

    private static List<BrokerData> brokers(JsonNode array) {
        List<BrokerData> brokers = new ArrayList<>();
        for (JsonNode node : array) {
            Map<Long, String> addresses = new HashMap<>();
            for (Map.Entry<String, JsonNode> address : node.path("brokerAddrs").properties()) {
                addresses.put(brokerId(address.getKey()), address.getValue().asString());
            }
            brokers.add(new BrokerData(text(node, "cluster"), text(node, "brokerName"), addresses));
        }
        return brokers;
    }

    private static List<QueueData> queues(JsonNode array) {
        List<QueueData> queues = new ArrayList<>();
        for (JsonNode node : array) {
            queues.add(new QueueData(text(node, "brokerName"), node.path("readQueueNums").asInt(0),
                    node.path("writeQueueNums").asInt(0), node.path("perm").asInt(0),
                    node.path("topicSysFlag").asInt(0)));
        }
        return queues;
    }

    private static long brokerId(String key) {
        try {
            return Long.parseLong(key.trim());
        } catch (NumberFormatException e) {
            throw new CodecException("broker id is not a number: " + key);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
