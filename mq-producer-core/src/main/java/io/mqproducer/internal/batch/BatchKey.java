package io.mqproducer.internal.batch;

import io.mqproducer.internal.encode.OutgoingMessage;

/** Messages may share a batch when they go to the same topic with the same store-wait setting. */
record BatchKey(String wireTopic, boolean waitStoreMsgOk) {

    static BatchKey of(OutgoingMessage message) {
        return new BatchKey(message.wireTopic(), message.source().waitStoreMsgOk());
    }
}
