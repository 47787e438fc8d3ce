package io.mqproducer.internal.trace;

import java.util.Collection;
import java.util.List;

/**
 * A publish ({@code Pub}) record: one message the broker accepted (or, for a oneway send, that was written).
 *
 * @param timestamp   when the send started, epoch millis
 * @param regionId    the broker's region
 * @param group       the producer group, without namespace
 * @param topic       the message's topic, without namespace
 * @param messageId   the unique id ({@code UNIQ_KEY})
 * @param tags        the tag, or null
 * @param keys        the user keys
 * @param storeHost   the broker that stored it, {@code host:port}
 * @param bodyLength  body bytes, before compression
 * @param costMillis  from the start of the send until its answer
 * @param type        what kind of message it is
 * @param offsetMessageId the broker's id, or null (oneway)
 * @param success     whether the broker answered SEND_OK (a oneway write counts as success)
 */
record PublishRecord(long timestamp, String regionId, String group, String topic, String messageId, String tags,
                     List<String> keys, String storeHost, int bodyLength, long costMillis, TraceMessageType type,
                     String offsetMessageId, boolean success) implements TraceRecord {

    @Override
    public void appendTo(StringBuilder out, String clientHost) {
        // 14 fields as the official client writes them, then the client host, which its decoder reads as 15th.
        TraceFormat.appendRecord(out, "Pub", timestamp, regionId, group, topic, messageId, tags,
                TraceRecord.joinKeys(keys), storeHost, bodyLength, costMillis, type.ordinal(), offsetMessageId,
                success, clientHost);
    }

    @Override
    public void addKeys(Collection<String> out) {
        out.add(messageId);
        out.addAll(keys);
    }
}
