package io.mqproducer.internal.reply;

import io.mqproducer.ReplyMessage;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.client.Heartbeats;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.route.NameServerClient;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.send.SendPath;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.message.Message;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Request-reply as RocketMQ's own client does it: the request is an ordinary message carrying a random
 * {@code CORRELATION_ID}, this producer's client id as {@code REPLY_TO_CLIENT} and the timeout as {@code TTL}; a
 * responder answers to the reply topic and the broker pushes the answer to this producer (see
 * {@link ReplyPushHandler}).
 */
public final class RequestReply {
    private final PendingReplies pending;
    private final ReplyPaths paths;
    private final SendPath sendPath;
    private final Namespace namespace;
    private final String clientId;

    /** @param pushes the handler the producer's connections give broker pushes to */
    public RequestReply(ReplyPushHandler pushes, SendPath sendPath, RemotingClient client, TopicRouteCache routes,
                        NameServerClient nameServers, Heartbeats heartbeats, Namespace namespace, String wireGroup,
                        String clientId, long timeoutMillis) {
        this.pending = pushes.pending();
        this.sendPath = sendPath;
        this.namespace = namespace;
        this.clientId = clientId;
        this.paths = new ReplyPaths(client, routes, nameServers, heartbeats, wireGroup, timeoutMillis);
    }

    /** Sends {@code message} and completes with its reply, or fails when none came within {@code timeout}. */
    public CompletableFuture<ReplyMessage> request(Message message, Duration timeout) {
        String wireTopic;
        try {
            if (message == null) {
                throw new InvalidMessageException("message must not be null");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidMessageException("request timeout must be positive, was " + timeout);
            }
            if (message.isDelayed()) {
                throw new InvalidMessageException("a request cannot be delayed: its reply would come after the timeout");
            }
            wireTopic = namespace.wrap(message.topic());
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        long timeoutMillis = timeout.toMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        // The first request to a topic waits for heartbeats; that time counts against its timeout too.
        return paths.prepare(wireTopic).thenCompose(ready -> send(message, timeoutMillis,
                        Math.max(1, (deadline - System.nanoTime()) / 1_000_000)))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }

    private CompletableFuture<ReplyMessage> send(Message message, long timeoutMillis, long remainingMillis) {
        String correlationId = UUID.randomUUID().toString();
        // Registered before sending: a fast responder's reply may arrive before the send's own answer.
        CompletableFuture<ReplyMessage> reply = pending.register(correlationId, remainingMillis);
        sendPath.sendWithSystemProperties(message, Map.of(MessageProperty.CORRELATION_ID, correlationId,
                MessageProperty.REPLY_TO_CLIENT, clientId, MessageProperty.REPLY_TTL, Long.toString(timeoutMillis)), 0)
                .whenComplete((sent, error) -> {
                    if (error != null) {
                        pending.fail(correlationId, Failures.asProducerException(error));
                    }
                });
        return reply;
    }

    /** Fails every request still waiting (the producer is closing). */
    public void close(ProducerException reason) {
        pending.failAll(reason);
    }
}
