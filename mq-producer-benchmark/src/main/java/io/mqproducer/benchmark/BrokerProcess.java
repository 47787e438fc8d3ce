package io.mqproducer.benchmark;

import io.mqproducer.test.EmbeddedRocketMQ;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Main class of the broker child JVM: starts an embedded name server and broker, creates the topic, prints
 * {@value #READY_PREFIX}{@code host:port} on stdout and runs until its stdin ends or says {@code stop}. Running the
 * broker in its own JVM keeps its CPU time and garbage out of the clients' accounting.
 *
 * <p>Arguments: topic, queue count, topic count ({@code topic-0} ... when more than one).
 */
public final class BrokerProcess {
    /** Start of the stdout line that carries the name server address. */
    public static final String READY_PREFIX = "NAME_SERVER=";

    private BrokerProcess() {
    }

    /** Runs the broker until stdin closes (which also happens when the parent dies). */
    public static void main(String[] args) throws IOException {
        String topic = args.length > 0 ? args[0] : "BenchmarkTopic";
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int topics = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.builder().fullSizeStore().start()) {
            for (int i = 0; i < topics; i++) {
                rocketMQ.createTopic(MessageShape.topicName(topic, topics, i), queues);
            }
            System.out.println(READY_PREFIX + rocketMQ.nameServerAddress());
            System.out.flush();
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            do {
                line = stdin.readLine();
            } while (line != null && !line.trim().equals("stop"));
        }
        // RocketMQ's non-daemon threads would keep the JVM up while they wind down.
        System.exit(0);
    }
}
