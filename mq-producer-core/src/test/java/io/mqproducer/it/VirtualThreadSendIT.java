package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Sync sends from thousands of virtual threads (Java 21+; CI runs the suite on 17 and on 25): every send succeeds, and
 * JFR sees no virtual thread pinned to its carrier in the producer's code (class loading aside, which pins in any
 * code), so blocked senders free their carriers.
 * The module compiles for Java 17, hence the virtual thread executor and JFR's stop() through reflection.
 */
@EmbeddedRocketMQTest
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadSendIT {

    private static final int SENDERS = 2_000;
    private static final int WARM_UP = 500;

    @Test
    void thousandsOfVirtualThreadsSendWithoutPinning(EmbeddedRocketMQ broker) throws Exception {
        String topic = "VirtualThreadSendIT";
        broker.createTopic(topic, 4);
        List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("virtual-threads").sendTimeout(Duration.ofSeconds(20)).build()).start()) {
            // Warm-up, not recorded: the first calls load classes and link method handles, which pins a virtual
            // thread in any code, once per JVM.
            Set<String> warmUp = ConcurrentHashMap.newKeySet();
            sendFromVirtualThreads(producer, topic, WARM_UP, warmUp);
            try (RecordingStream jfr = new RecordingStream()) {
                jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                jfr.onEvent("jdk.VirtualThreadPinned", pinned::add);
                jfr.startAsync();
                sendFromVirtualThreads(producer, topic, SENDERS, ids);
                RecordingStream.class.getMethod("stop").invoke(jfr); // Java 20+: waits until every event was seen
            }
            assertThat(warmUp).hasSize(WARM_UP);
        }
        assertThat(ids).hasSize(SENDERS);
        List<String> pinnedInProducer = pinned.stream().filter(VirtualThreadSendIT::inProducerCode)
                .map(VirtualThreadSendIT::describe).toList();
        assertThat(pinnedInProducer).as("virtual threads pinned in the producer's code").isEmpty();
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> stored = consumer.await(WARM_UP + SENDERS, Duration.ofSeconds(60));
            assertThat(stored.stream().map(MessageExt::getMsgId).collect(Collectors.toSet())).containsAll(ids);
        }
    }

    /** {@code count} sync sends, each from a virtual thread of its own, all at once; their ids go to {@code ids}. */
    private static void sendFromVirtualThreads(Producer producer, String topic, int count, Set<String> ids)
            throws Exception {
        ExecutorService virtualThreads = (ExecutorService) Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] body = ("virtual-" + i).getBytes(StandardCharsets.UTF_8);
                sends.add(virtualThreads.submit(() -> ids.add(producer.send(
                        Message.builder(topic).body(body).build()).messageId())));
            }
            for (Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } finally {
            virtualThreads.shutdown();
        }
    }

    /**
     * Pinned while the producer's code runs, other than while the JVM loads a class: loading a class pins a virtual
     * thread whatever the code does (a JDK limitation), once per class and JVM.
     */
    private static boolean inProducerCode(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return false;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        boolean loadingAClass = frames.stream().limit(4).anyMatch(frame -> frame.getMethod().getName()
                .startsWith("loadClass") && frame.getMethod().getType().getName().contains("ClassLoader"));
        return !loadingAClass && frames.stream()
                .anyMatch(frame -> frame.getMethod().getType().getName().startsWith("io.mqproducer."));
    }

    private static String describe(RecordedEvent event) {
        return event.getDuration() + " pinned at " + event.getStackTrace().getFrames().stream().limit(12)
                .map(RecordedFrame::getMethod).map(m -> m.getType().getName() + "." + m.getName())
                .collect(Collectors.joining(" <- "));
    }
}
