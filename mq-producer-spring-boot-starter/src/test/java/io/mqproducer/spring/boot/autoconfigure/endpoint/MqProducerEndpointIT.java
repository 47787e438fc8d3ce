package io.mqproducer.spring.boot.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.SendStatus;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.spring.EmbeddedRocketMQBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/mqproducer} over HTTP in a web application against the embedded broker: the default producer and
 * a named one, both with ACL credentials (the broker does not check them), which never appear in the answer.
 */
@SpringBootTest(classes = MqProducerEndpointIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,mqproducer",
                "management.endpoint.health.show-details=always",
                "mq.producer.producers.audit.topics=audit-*",
                "mq.producer.acl.access-key=endpoint-it-access",
                "mq.producer.acl.secret-key=endpoint-it-secret"})
@EmbeddedRocketMQBroker
class MqProducerEndpointIT {
    private static final String TOPIC = "endpoint-it";

    @Autowired
    EmbeddedRocketMQ rocketMQ;

    @Autowired
    ProducerTemplate template;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void describesEveryProducerWithRoutesAndBrokersButNoSecrets() throws Exception {
        rocketMQ.createTopic(TOPIC, 2);
        assertThat(template.send(TOPIC, "hello").status()).isEqualTo(SendStatus.SEND_OK);

        HttpResponse<String> response = get("/actuator/mqproducer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("endpoint-it-secret").doesNotContain("endpoint-it-access");
        JsonNode producers = JsonMapper.builder().build().readTree(response.body()).get("producers");
        assertThat(producers.propertyNames()).containsExactly("default", "audit");
        JsonNode producer = producers.get("default");
        assertThat(producer.get("running").asBoolean()).isTrue();
        assertThat(producer.get("inflight").asInt()).isZero();
        assertThat(producer.get("settings").get("nameServers").get(0).asString())
                .isEqualTo(rocketMQ.nameServerAddress());
        assertThat(producer.get("settings").get("sendTimeout").asString()).isEqualTo("PT3S");
        assertThat(producer.get("settings").get("acl").asBoolean()).isTrue();
        JsonNode broker = producer.get("routes").get(TOPIC).get("brokers").get(0);
        assertThat(broker.get("name").asString()).isEqualTo(rocketMQ.brokerName());
        assertThat(broker.get("address").asString()).isEqualTo(rocketMQ.brokerAddress());
        assertThat(broker.get("writableQueues").asInt()).isEqualTo(2);
        JsonNode availability = producer.get("brokers").get(rocketMQ.brokerName());
        assertThat(availability.get("lastLatencyMillis").asLong()).isNotNegative();
        assertThat(availability.get("avoidedUntil").isNull()).isTrue();
        assertThat(producers.get("audit").get("settings").get("acl").asBoolean()).isTrue();
    }

    @Test
    void oneProducerByNameAndNotFoundForOthers() throws Exception {
        HttpResponse<String> audit = get("/actuator/mqproducer/audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(audit.body()).get("settings").get("acl").asBoolean())
                .isTrue();

        assertThat(get("/actuator/mqproducer/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void healthShowsOneComponentPerProducer() throws Exception {
        HttpResponse<String> health = get("/actuator/health/mqProducer");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = JsonMapper.builder().build().readTree(health.body()).get("components");
        assertThat(components.get("default").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("audit").get("status").asString()).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
