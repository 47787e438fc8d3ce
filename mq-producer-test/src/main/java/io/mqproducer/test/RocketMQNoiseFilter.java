package io.mqproducer.test;

import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.ILoggingEvent;
import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.IThrowableProxy;
import org.apache.rocketmq.logging.ch.qos.logback.core.filter.Filter;
import org.apache.rocketmq.logging.ch.qos.logback.core.spi.FilterReply;

/**
 * A filter for RocketMQ's own (shaded) logback, used by this module's {@code rmq.logback-test.xml}: it drops the
 * errors an embedded RocketMQ logs on every normal shutdown, and nothing else.
 *
 * <ul>
 *   <li>Netty leak reports for buffers that RocketMQ created: its store keeps one encoder buffer per sending thread and
 *   never releases it, so under {@code -Dio.netty.leakDetection.level=paranoid} each stopped broker reports leaks.
 *   RocketMQ routes all of Netty's logging into its own, so leak reports of other code still pass this filter.</li>
 *   <li>The name server's "Handle unregister broker request failed" with an {@link InterruptedException}, which is how
 *   its unregistration thread ends.</li>
 *   <li>"Failed to write response" because the client's connection is closed: clients closed in the background go
 *   away without waiting for the answers to their last heartbeat or unregistration.</li>
 *   <li>Pull errors of {@link ReadBackConsumer}s: their long-polling pulls still in flight fail when they are closed,
 *   and {@link ReadBackConsumer#await} reports missing messages itself.</li>
 * </ul>
 */
public final class RocketMQNoiseFilter extends Filter<ILoggingEvent> {

    private static final String LEAK_LOGGER = "io.netty.util.ResourceLeakDetector";
    private static final String LEAK_CREATION = "Created at:";
    private static final String ROCKETMQ_FRAME = "org.apache.rocketmq.";
    private static final String LITE_PULL_LOGGER = "DefaultLitePullConsumerImpl";
    /** The official client names pull threads after the consumer group. */
    private static final String READ_BACK_PULL_THREAD = "PullMsgThread-" + ReadBackConsumer.GROUP_PREFIX;

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return isRocketMQLeak(event) || isUnregistrationThreadEnd(event) || isReadBackPullError(event)
                || isResponseToGoneClient(event)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }

    private static boolean isRocketMQLeak(ILoggingEvent event) {
        if (!LEAK_LOGGER.equals(event.getLoggerName())) {
            return false;
        }
        String message = event.getFormattedMessage();
        int creation = message == null ? -1 : message.indexOf(LEAK_CREATION);
        return creation >= 0 && message.indexOf(ROCKETMQ_FRAME, creation) >= 0;
    }

    private static boolean isReadBackPullError(ILoggingEvent event) {
        String logger = event.getLoggerName();
        String thread = event.getThreadName();
        return logger != null && logger.endsWith(LITE_PULL_LOGGER) && thread != null
                && thread.startsWith(READ_BACK_PULL_THREAD);
    }

    private static boolean isResponseToGoneClient(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        String message = event.getFormattedMessage();
        return thrown != null && thrown.getClassName().endsWith("ClosedChannelException") && message != null
                && message.startsWith("Failed to write response");
    }

    private static boolean isUnregistrationThreadEnd(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return thrown != null && InterruptedException.class.getName().equals(thrown.getClassName())
                && "Handle unregister broker request failed".equals(event.getFormattedMessage());
    }
}
