package io.mqproducer.internal.transaction;

import io.mqproducer.TransactionState;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.SysFlag;
import java.util.HashMap;
import java.util.Map;

/** Builds {@code END_TRANSACTION} requests, which tell the broker to commit or roll back a half message. */
final class EndTransactionRequests {

    private EndTransactionRequests() {
    }

    /** What the header's commitOrRollback field carries for each state (UNKNOWN is "not decided"). */
    static int wireState(TransactionState state) {
        return switch (state) {
            case COMMIT -> SysFlag.TRANSACTION_COMMIT;
            case ROLLBACK -> SysFlag.TRANSACTION_ROLLBACK;
            case UNKNOWN -> 0;
        };
    }

    /**
     * @param brokerName the broker that holds the half message, or null if unknown: a RocketMQ 5 proxy needs it in
     *        {@code bname} to forward the request
     */
    static RemotingCommand build(int opaque, String wireGroup, String wireTopic, String brokerName,
                                 long tranStateTableOffset,
                                 long commitLogOffset, TransactionState state, boolean fromCheck, String messageId,
                                 String transactionId) {
        Map<String, String> header = new HashMap<>(12);
        header.put("producerGroup", wireGroup);
        header.put("topic", wireTopic);
        header.put("tranStateTableOffset", Long.toString(tranStateTableOffset));
        header.put("commitLogOffset", Long.toString(commitLogOffset));
        header.put("commitOrRollback", Integer.toString(wireState(state)));
        header.put("fromTransactionCheck", Boolean.toString(fromCheck));
        header.put("msgId", messageId);
        if (brokerName != null) {
            header.put("bname", brokerName);
        }
        if (transactionId != null) {
            header.put("transactionId", transactionId);
        }
        return RemotingCommand.request(RequestCode.END_TRANSACTION, opaque, header, null);
    }

    /** The commit log offset inside a broker message id: its last 16 hex digits. */
    static long commitLogOffset(String offsetMessageId) {
        if (offsetMessageId == null || offsetMessageId.length() < 16) {
            throw new io.mqproducer.error.ProtocolException("broker message id '" + offsetMessageId
                    + "' does not carry a commit log offset");
        }
        return Long.parseUnsignedLong(offsetMessageId.substring(offsetMessageId.length() - 16), 16);
    }
}
