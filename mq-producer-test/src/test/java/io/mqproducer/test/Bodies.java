package io.mqproducer.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;

/** Message bodies as text, for assertions. */
final class Bodies {

    private Bodies() {
    }

    static List<String> of(List<MessageExt> messages) {
        return messages.stream().map(message -> new String(message.getBody(), StandardCharsets.UTF_8)).toList();
    }
}
