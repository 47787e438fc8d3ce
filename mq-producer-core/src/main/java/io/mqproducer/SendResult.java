package io.mqproducer;

/**
 * What the broker reported for one accepted message.
 *
 * @param status          how far storage got
 * @param messageId       the client-generated unique id ({@code UNIQ_KEY}) consumers see as the message id
 * @param offsetMessageId the broker's id, encoding store host and commit log offset
 * @param queue           the queue the message was stored in
 * @param queueOffset     the message's offset in that queue
 * @param regionId        the broker's region, if it reports one
 * @param recallHandle    for a timer message ({@code deliverAt}/{@code deliverAfter}) sent alone to a RocketMQ
 *                        5.3.2+ broker: the handle {@link Producer#recall(String, String)} takes to withdraw it before
 *                        it is delivered; null otherwise (batches, delay levels, older brokers)
 */
public record SendResult(SendStatus status, String messageId, String offsetMessageId, MessageQueue queue,
                         long queueOffset, String regionId, String recallHandle) {

    /** A result without a recall handle. */
    public SendResult(SendStatus status, String messageId, String offsetMessageId, MessageQueue queue,
                      long queueOffset, String regionId) {
        this(status, messageId, offsetMessageId, queue, queueOffset, regionId, null);
    }
}
