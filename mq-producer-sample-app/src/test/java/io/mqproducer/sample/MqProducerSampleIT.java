package io.mqproducer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.ReadBackConsumer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample over real HTTP against the embedded broker it starts itself: a POSTed message is read back, counted by
 * the send timer and the producer is healthy, until the broker stops.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext // the test stops the broker
class MqProducerSampleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "sample-it";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedRocketMQ rocketMQ;

    @Test
    void postedMessageIsStoredCountedAndHealthFollowsTheBroker() throws Exception {
        // One queue: the read-back consumer's two pull threads would otherwise long-poll empty queues first.
        rocketMQ.createTopic(TOPIC, 1);

        HttpResponse<String> sent = post("/messages/" + TOPIC + "?tag=TagA&key=order-1", "hello from HTTP");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode result = json.readTree(sent.body());
        assertThat(result.path("status").asString()).isEqualTo("SEND_OK");
        assertThat(result.path("messageId").asString()).isNotBlank();
        assertThat(result.path("queue").path("topic").asString()).isEqualTo(TOPIC);

        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), TOPIC)) {
            List<MessageExt> messages = consumer.await(1, WAIT);
            assertThat(messages).hasSize(1);
            MessageExt message = messages.get(0);
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello from HTTP");
            assertThat(message.getTags()).isEqualTo("TagA");
            assertThat(message.getKeys()).isEqualTo("order-1");
            assertThat(message.getUserProperty("contentType")).startsWith("text/plain");
            assertThat(message.getMsgId()).isEqualTo(result.path("messageId").asString());
        }

        JsonNode sends = json.readTree(get("/actuator/metrics/mq.producer.send?tag=topic:" + TOPIC
                + "&tag=result:success&tag=mode:sync").body());
        assertThat(statistic(sends, "COUNT")).isEqualTo(1.0);

        HttpResponse<String> healthResponse = get("/actuator/health");
        JsonNode health = json.readTree(healthResponse.body());
        assertThat(health.path("status").asString()).as(healthResponse.body()).isEqualTo("UP");
        JsonNode mqProducer = health.path("components").path("mqProducer");
        assertThat(mqProducer.path("status").asString()).isEqualTo("UP");
        assertThat(mqProducer.path("details").path("brokers").path(rocketMQ.brokerAddress()).asString())
                .isEqualTo("UP");

        HttpResponse<String> described = get("/actuator/mqproducer/default");
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        assertThat(json.readTree(described.body()).path("routes").path(TOPIC).path("brokers").path(0).path("address")
                .asString()).isEqualTo(rocketMQ.brokerAddress());

        rocketMQ.stopBroker();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> down = get("/actuator/health/mqProducer");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            JsonNode component = json.readTree(down.body());
            assertThat(component.path("status").asString()).isEqualTo("DOWN");
            assertThat(component.path("details").path("reason").asString())
                    .isEqualTo("no topic in use has a reachable broker with writable queues");
        });
    }

    @Test
    void aMessageTheRulesRejectIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/messages/" + "x".repeat(200), "too long a topic");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("topic");
    }

    private static double statistic(JsonNode meter, String name) {
        for (JsonNode measurement : meter.path("measurements")) {
            if (name.equals(measurement.path("statistic").asString())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + name + " in " + meter);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(WAIT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
