package io.mqproducer.internal.deliver;

import io.mqproducer.SendResult;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.internal.codec.BodyWriter;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A batch cut into requests that each fit the message size limit, sent one after another; when a later part fails
 * after earlier ones were stored, a {@link PartialBatchException} says what was stored.
 */
final class BatchParts {
    private BatchParts() {
    }

    /** One request's worth of members of one topic. */
    record Part(List<OutgoingMessage> members) {
        String userTopic() {
            return members.get(0).source().topic();
        }

        String wireTopic() {
            return members.get(0).wireTopic();
        }

        int size() {
            return members.size();
        }

        /** The request's own property string: only the store-wait flag, which all members share. */
        String properties() {
            Message first = members.get(0).source();
            return first.waitStoreMsgOk() ? ""
                    : MessagePropertiesCodec.encode(Map.of(MessageProperty.WAIT_STORE_MSG_OK, "false"));
        }

        BodyWriter body() {
            List<BatchBodyEncoder.Member> encoded = new ArrayList<>(members.size());
            for (OutgoingMessage member : members) {
                encoded.add(member.batchMember());
            }
            return BatchBodyEncoder.writer(encoded);
        }

        List<String> uniqueIds() {
            List<String> ids = new ArrayList<>(members.size());
            for (OutgoingMessage member : members) {
                ids.add(member.uniqueId());
            }
            return ids;
        }
    }

    /**
     * Sends {@code members} in parts of at most {@code maxBytes} encoded bytes, one after another through
     * {@code sendPart}; results in the order of the members.
     */
    static CompletableFuture<List<SendResult>> deliver(List<OutgoingMessage> members, int maxBytes,
                                                       Function<Part, CompletableFuture<List<SendResult>>> sendPart) {
        List<Part> parts;
        try {
            parts = split(members, maxBytes);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deliverParts(parts, sendPart);
    }

    private static CompletableFuture<List<SendResult>> deliverParts(
            List<Part> parts, Function<Part, CompletableFuture<List<SendResult>>> sendPart) {
        CompletableFuture<List<SendResult>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            int index = i;
            all = all.thenCompose(done -> sendPart.apply(part).handle((results, error) -> {
                if (error != null) {
                    ProducerException cause = Failures.asProducerException(error);
                    if (done.isEmpty()) {
                        throw cause;
                    }
                    throw new PartialBatchException("batch part " + (index + 1) + " of " + parts.size()
                            + " failed after " + done.size() + " messages were stored: " + cause.getMessage(), done,
                            cause);
                }
                done.addAll(results);
                return done;
            }));
        }
        return all.exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }

    /** Splits members into consecutive parts of at most {@code maxBytes} encoded bytes each. */
    static List<Part> split(List<OutgoingMessage> members, int maxBytes) {
        List<Part> parts = new ArrayList<>();
        List<OutgoingMessage> current = new ArrayList<>();
        long currentBytes = 0;
        for (int i = 0; i < members.size(); i++) {
            OutgoingMessage member = members.get(i);
            int size = member.batchMember().encodedSize();
            if (size > maxBytes) {
                throw new InvalidMessageException("batch member " + i + " takes " + size + " bytes with its properties,"
                        + " more than the message size limit of " + maxBytes + " bytes");
            }
            if (currentBytes + size > maxBytes) {
                parts.add(new Part(current));
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(member);
            currentBytes += size;
        }
        parts.add(new Part(current));
        return parts;
    }
}
