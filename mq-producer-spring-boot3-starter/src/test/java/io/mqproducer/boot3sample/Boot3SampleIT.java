package io.mqproducer.boot3sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqproducer.SendResult;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.spring.ProducerOperations;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.ReadBackConsumer;
import io.mqproducer.test.spring.EmbeddedRocketMQBroker;
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
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small Spring Boot 3.5 web application on the Boot 3 starter, over real HTTP against an embedded broker: a POSTed
 * order is sent as JSON written by the application's Jackson 2 mapper and read back by a real consumer, the send is
 * counted, and the actuator shows the producer's health and routes.
 */
@SpringBootTest(classes = Boot3SampleIT.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "mq.producer.group=boot3-sample",
        "spring.jackson.property-naming-strategy=SNAKE_CASE",
        "management.endpoints.web.exposure.include=health,metrics,mqproducer",
        "management.endpoint.health.show-details=always"})
@EmbeddedRocketMQBroker
class Boot3SampleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "boot3-sample-it";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedRocketMQ rocketMQ;

    /** The order a client posts. */
    record Order(String orderId, int amountCents) {
    }

    @SpringBootApplication
    static class App {

        @RestController
        static class Orders {
            private final ProducerOperations producer;

            Orders(ProducerOperations producer) {
                this.producer = producer;
            }

            @PostMapping("/orders/{topic}")
            SendResult send(@PathVariable String topic, @RequestBody Order order) {
                return producer.send(topic, order, order.orderId());
            }

            /** A message the rules reject is the client's fault. */
            @ExceptionHandler(InvalidMessageException.class)
            ResponseEntity<String> invalid(InvalidMessageException e) {
                return ResponseEntity.badRequest().body(e.getMessage());
            }
        }
    }

    @Test
    void postedOrderIsStoredAsApplicationJsonCountedAndHealthy() throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        // One queue: the read-back consumer's pull threads would otherwise long-poll empty queues first.
        rocketMQ.createTopic(TOPIC, 1);

        HttpResponse<String> sent = post("/orders/" + TOPIC, "{\"order_id\":\"o-1\",\"amount_cents\":42}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode result = json.readTree(sent.body());
        assertThat(result.path("status").asText()).isEqualTo("SEND_OK");

        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), TOPIC)) {
            List<MessageExt> messages = consumer.await(1, WAIT);
            assertThat(messages).singleElement().satisfies(message -> {
                // Written by the application's ObjectMapper, so with its snake_case naming.
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"order_id\":\"o-1\",\"amount_cents\":42}");
                assertThat(message.getUserProperty("contentType")).isEqualTo("application/json");
                assertThat(message.getKeys()).isEqualTo("o-1");
            });
        }

        JsonNode sends = json.readTree(get("/actuator/metrics/mq.producer.send?tag=topic:" + TOPIC
                + "&tag=result:success").body());
        assertThat(sends.path("measurements").path(0).path("value").asDouble()).isEqualTo(1.0);

        HttpResponse<String> healthResponse = get("/actuator/health");
        JsonNode mqProducer = json.readTree(healthResponse.body()).path("components").path("mqProducer");
        assertThat(mqProducer.path("status").asText()).as(healthResponse.body()).isEqualTo("UP");
        assertThat(mqProducer.path("details").path("brokers").path(rocketMQ.brokerAddress()).asText())
                .isEqualTo("UP");

        HttpResponse<String> described = get("/actuator/mqproducer/default");
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        assertThat(described.body()).contains(rocketMQ.brokerAddress());
    }

    @Test
    void anOrderTheRulesRejectIsNotSent() throws Exception {
        HttpResponse<String> response = post("/orders/" + "x".repeat(200), "{\"order_id\":\"o-2\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("topic");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(WAIT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
