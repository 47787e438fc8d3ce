package io.mqproducer.test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Entry point of a {@link ClusterAdmin}'s JVM, which runs on a {@link RocketMQDistribution}'s class path so that
 * topics are created and messages read back by the official client of the servers' own version. It follows commands
 * on stdin, one per line ({@code replyFile TAB command TAB arguments...}), and writes each answer to its reply file:
 * {@value #OK} and the result's lines, or {@value #FAILED} and the error. It exits when stdin closes.
 *
 * <p>Only client API that RocketMQ 4.9 and 5.x share is used here, so one compiled class serves both.
 */
final class ClusterAdminMain {

    static final String OK = "OK";
    static final String FAILED = "FAILED";
    static final String CREATE_TOPIC = "createTopic";
    static final String READ_BACK = "readBack";
    static final String NONE = "-";

    private final String nameServer;
    private final String accessKey;
    private final String secretKey;
    private final DefaultMQAdminExt admin;

    private ClusterAdminMain(String nameServer, String accessKey, String secretKey) throws Exception {
        this.nameServer = nameServer;
        this.accessKey = NONE.equals(accessKey) ? null : accessKey;
        this.secretKey = secretKey;
        this.admin = this.accessKey == null ? new DefaultMQAdminExt()
                : new DefaultMQAdminExt(new AclClientRPCHook(new SessionCredentials(this.accessKey, secretKey)));
        admin.setNamesrvAddr(nameServer);
        admin.setInstanceName("cluster-admin-" + UUID.randomUUID());
        admin.start();
    }

    /** Arguments: name server address, access key (or {@value #NONE}), secret key (or {@value #NONE}). */
    public static void main(String[] arguments) {
        try {
            ClusterAdminMain main = new ClusterAdminMain(arguments[0], arguments[1], arguments[2]);
            System.out.println("READY");
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                main.answer(line.split("\t"));
            }
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void answer(String[] command) throws Exception {
        Path reply = Path.of(command[0]);
        List<String> lines = new ArrayList<>();
        try {
            lines.add(OK);
            switch (command[1]) {
                case CREATE_TOPIC -> createTopic(command[2], Integer.parseInt(command[3]), command[4],
                        Arrays.asList(command[5].split(",")));
                case READ_BACK -> readBack(command[2], Integer.parseInt(command[3]),
                        Duration.ofMillis(Long.parseLong(command[4])), Duration.ofMillis(Long.parseLong(command[5])),
                        lines);
                default -> throw new IllegalArgumentException("unknown command " + command[1]);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            lines.clear();
            lines.add(FAILED + " " + e);
        }
        Path partial = reply.resolveSibling(reply.getFileName() + ".partial");
        Files.write(partial, lines, StandardCharsets.UTF_8);
        Files.move(partial, reply, StandardCopyOption.ATOMIC_MOVE);
    }

    private void createTopic(String topic, int queues, String messageType, List<String> brokerAddresses)
            throws Exception {
        TopicConfig config = new TopicConfig(topic);
        config.setReadQueueNums(queues);
        config.setWriteQueueNums(queues);
        if (!NONE.equals(messageType)) {
            config.setAttributes(Map.of("+message.type", messageType)); // 5.x only: 4.x has no topic attributes
        }
        for (String address : brokerAddresses) {
            admin.createAndUpdateTopicConfig(address, config);
        }
    }

    private void readBack(String topic, int expected, Duration timeout, Duration quiet, List<String> lines) {
        try (ReadBackConsumer consumer = accessKey == null ? ReadBackConsumer.of(nameServer, topic)
                : ReadBackConsumer.of(nameServer, topic, accessKey, secretKey)) {
            if (expected > 0) {
                consumer.await(expected, timeout);
            }
            for (MessageExt message : consumer.drain(quiet)) {
                lines.add(new StoredMessage(message.getTopic(), message.getBrokerName(), message.getQueueId(),
                        message.getQueueOffset(), message.getBody(), message.getProperties(), message.getBornTimestamp(),
                        message.getStoreTimestamp()).toLine());
            }
        }
    }
}
