package io.mqproducer.spring;

import io.mqproducer.Producer;
import io.mqproducer.ReplyMessage;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.WaitInterruptedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The template's request-reply: the request assembled and customized like any send, the reply body read back with the
 * same payload converter. Requests are not reported as sends (their time is mostly the responder's).
 */
final class TemplateRequests {
    /** The producer ends every request by its timeout; this grace only guards against a bug there. */
    private static final long GRACE_MILLIS = 1000;

    private final Producer producer;
    private final MessageAssembler assembler;
    private final SendHooks hooks;

    TemplateRequests(Producer producer, MessageAssembler assembler, SendHooks hooks) {
        this.producer = producer;
        this.assembler = assembler;
        this.hooks = hooks;
    }

    <T> T sendAndReceive(String destination, Object payload, Class<T> replyType, Duration timeout) {
        CompletableFuture<T> reply = sendAndReceiveAsync(destination, payload, replyType, timeout);
        try {
            return reply.get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("interrupted while waiting for a reply", e);
        } catch (ExecutionException | TimeoutException e) {
            throw ProducerTemplate.asProducerException(e);
        }
    }

    <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Class<T> replyType,
            Duration timeout) {
        CompletableFuture<ReplyMessage> reply;
        try {
            if (replyType == null || timeout == null) {
                throw new InvalidMessageException((replyType == null ? "reply type" : "timeout") + " must not be null");
            }
            reply = producer.request(hooks.customize(assembler.assemble(destination, payload, List.of(), Map.of())),
                    timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(ProducerTemplate.asProducerException(e));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        reply.whenComplete((received, error) -> {
            try {
                if (error != null) {
                    throw ProducerTemplate.asProducerException(error);
                }
                result.complete(assembler.converter().read(received.body(), replyType));
            } catch (RuntimeException e) {
                result.completeExceptionally(ProducerTemplate.asProducerException(e));
            }
        });
        return result;
    }
}
