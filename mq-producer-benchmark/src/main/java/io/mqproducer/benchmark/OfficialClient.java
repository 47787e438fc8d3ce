package io.mqproducer.benchmark;

import java.util.List;
import java.util.function.Consumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;

/**
 * Apache RocketMQ's official {@link DefaultMQProducer}, configured like {@link OurClient}: same timeout, same retries
 * for sync and async, regular (not VIP) broker port, its default JSON headers.
 */
final class OfficialClient implements BenchmarkClient {
    static final String LABEL = "rocketmq-client";

    /**
     * Name prefixes of the threads a started {@link DefaultMQProducer} runs, found by listing the new threads of this
     * benchmark's runs (see README): the Netty client's selector, worker, public-executor and response-table scan
     * threads, the client instance's scheduler and service threads, the fault-tolerance and request-future
     * housekeepers, and the producer's async sender pool.
     */
    static final List<String> THREAD_PREFIXES = List.of(
            "NettyClientSelector_", "NettyClientWorkerThread_", "NettyClientPublicExecutor_", "NettyClientScan_thread_",
            "NettyEventExecutor", "MQClientFactoryScheduledThread", "ClientHouseKeepingService", "PullMessageService",
            "RebalanceService", "AsyncSenderExecutor_", "LatencyFaultToleranceScheduledThread",
            "RequestHouseKeepingService");
    /** The auto-batching accumulator's guard threads are named {@code Client_<instance>_GuardFor(Sync|Async)Send}. */
    private static final String ACCUMULATOR_THREAD_PREFIX = "Client_";
    private static final String ACCUMULATOR_THREAD_PART = "_GuardFor";

    private final DefaultMQProducer producer;
    private final MessageShape shape;
    private final byte[] body;

    OfficialClient(ClientSettings settings) {
        this.shape = settings.shape();
        this.body = settings.body();
        producer = new DefaultMQProducer("benchmark-rocketmq-client");
        producer.setNamesrvAddr(settings.nameServer());
        // A fresh instance name: the official client shares one client instance per name across the JVM.
        producer.setInstanceName("benchmark-" + System.nanoTime());
        producer.setSendMsgTimeout((int) settings.sendTimeout().toMillis());
        producer.setRetryTimesWhenSendFailed(settings.retries());
        producer.setRetryTimesWhenSendAsyncFailed(settings.retries());
        producer.setVipChannelEnabled(false);
        producer.setCompressType(org.apache.rocketmq.common.compression.CompressionType.valueOf(
                settings.compression().name()));
        producer.setCompressLevel(5);
        try {
            producer.start();
        } catch (Exception e) {
            throw new IllegalStateException("official client did not start", e);
        }
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public void send() throws Exception {
        // A new message per send: the official client writes properties into the message it is given.
        producer.send(message());
    }

    @Override
    public void sendAsync(Consumer<Throwable> done) {
        try {
            producer.send(message(), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    done.accept(null);
                }

                @Override
                public void onException(Throwable e) {
                    done.accept(e);
                }
            });
        } catch (Exception e) {
            done.accept(e);
        }
    }

    private Message message() {
        long n = shape.next();
        if (!shape.traced()) {
            return new Message(shape.topic(n), body);
        }
        Message message = new Message(shape.topic(n), shape.tag(), shape.joinedKeys(n), body);
        message.putUserProperty("traceparent", shape.traceParent(n));
        message.putUserProperty("tenant", MessageShape.TENANT);
        message.putUserProperty("source", MessageShape.SOURCE);
        return message;
    }

    @Override
    public boolean ownsThread(String threadName) {
        if (SharedThreads.isNettyShared(threadName) || threadName.startsWith(ACCUMULATOR_THREAD_PREFIX)
                && threadName.contains(ACCUMULATOR_THREAD_PART)) {
            return true;
        }
        for (String prefix : THREAD_PREFIXES) {
            if (threadName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
