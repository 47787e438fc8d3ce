package io.mqproducer.internal.trace;

import java.util.Collection;
import java.util.List;

/**
 * An {@code EndTransaction} record: the commit, rollback or "unknown" a producer sent for a half message.
 *
 * @param timestamp     when the decision was sent, epoch millis
 * @param regionId      the broker's region
 * @param group         the producer group, without namespace
 * @param topic         the message's topic, without namespace
 * @param messageId     the half message's unique id
 * @param tags          the tag, or null
 * @param keys          the user keys
 * @param storeHost     the broker holding the half message
 * @param transactionId the transaction id sent with the decision
 * @param state         the decision as the official client names it: COMMIT_MESSAGE, ROLLBACK_MESSAGE or UNKNOW
 * @param fromCheck     whether it answered a broker's check-back
 */
record EndTransactionRecord(long timestamp, String regionId, String group, String topic, String messageId,
                            String tags, List<String> keys, String storeHost, String transactionId, String state,
                            boolean fromCheck) implements TraceRecord {

    @Override
    public void appendTo(StringBuilder out, String clientHost) {
        // The official client marks every end-transaction record as a commit-type message, whatever the decision.
        TraceFormat.appendRecord(out, "EndTransaction", timestamp, regionId, group, topic, messageId, tags,
                TraceRecord.joinKeys(keys), storeHost, TraceMessageType.TRANSACTION_COMMIT.ordinal(), transactionId,
                state, fromCheck);
    }

    @Override
    public void addKeys(Collection<String> out) {
        out.add(messageId);
        out.addAll(keys);
    }
}
