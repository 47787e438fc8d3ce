package io.mqproducer.internal.send;

import io.mqproducer.message.Message;

/**
 * A message as it goes on the wire: the broker-side topic, the (possibly compressed) body, its sysFlag and
 * the encoded property string with the unique id.
 */
public record OutgoingMessage(Message source, String wireTopic, byte[] body, int sysFlag, String properties,
                              String uniqueId) {
}
