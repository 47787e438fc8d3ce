package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.internal.protocol.TopicRouteData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopicRouteParserTest {

    /** As a RocketMQ 5 name server writes it: fastjson leaves the numeric broker-id keys unquoted. */
    static final String NAME_SERVER_JSON = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10921\"},"
            + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false},"
            + "{\"brokerAddrs\":{0:\"127.0.0.1:10915\"},\"brokerName\":\"broker-b\",\"cluster\":\"DefaultCluster\","
            + "\"enableActingMaster\":false}],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\","
            + "\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4},{\"brokerName\":\"broker-b\","
            + "\"perm\":4,\"readQueueNums\":8,\"topicSysFlag\":0,\"writeQueueNums\":8}]}";

    @Test
    void parsesNameServerJsonWithUnquotedNumericKeys() {
        TopicRouteData route = TopicRouteParser.parse(NAME_SERVER_JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(route.brokers()).hasSize(2);
        assertThat(route.brokers().get(0).brokerName()).isEqualTo("broker-a");
        assertThat(route.brokers().get(0).masterAddress()).isEqualTo("127.0.0.1:10911");
        assertThat(route.brokers().get(0).addresses()).containsEntry(1L, "127.0.0.1:10921");
        assertThat(route.queues()).extracting(TopicRouteData.QueueData::writeQueueNums).containsExactly(4, 8);
        assertThat(route.queues().get(1).perm()).isEqualTo(4);
    }

    @Test
    void parsesStrictJsonToo() {
        String strict = NAME_SERVER_JSON.replace("{0:", "{\"0\":").replace(",1:", ",\"1\":");
        TopicRouteData route = TopicRouteParser.parse(strict.getBytes(StandardCharsets.UTF_8));
        assertThat(route.brokers().get(0).addresses()).containsEntry(0L, "127.0.0.1:10911");
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> TopicRouteParser.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TopicRouteParser.parse(new byte[0])).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TopicRouteParser.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TopicRouteParser.parse("{\"brokerDatas\":[{\"brokerAddrs\":{x:\"a\"}}]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(CodecException.class).hasMessageContaining("broker id");
    }
}
