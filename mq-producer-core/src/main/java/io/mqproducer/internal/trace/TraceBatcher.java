package io.mqproducer.internal.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Packs records into as few trace messages as fit the limits: a body size (the official client stops near 118 KB)
 * and a key budget, as all keys go into one message property, which brokers limit to 32 KiB.
 */
final class TraceBatcher {
    /** Characters of keys per trace message, half the property limit: room for the other properties. */
    static final int MAX_KEY_CHARS = 16 * 1024;

    private final int maxBodyBytes;

    TraceBatcher(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The messages carrying {@code records}, in order; a record larger than the limit travels alone. */
    List<TraceMessage> pack(List<TraceRecord> records, String clientHost) {
        List<TraceMessage> messages = new ArrayList<>(1);
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        Set<String> keys = new LinkedHashSet<>();
        int keyChars = 0;
        int count = 0;
        StringBuilder text = new StringBuilder(256);
        List<String> recordKeys = new ArrayList<>(4);
        for (TraceRecord record : records) {
            text.setLength(0);
            record.appendTo(text, clientHost);
            byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
            recordKeys.clear();
            record.addKeys(recordKeys);
            int recordKeyChars = 0;
            for (String key : recordKeys) {
                recordKeyChars += key.length() + 1;
            }
            boolean full = body.size() + encoded.length > maxBodyBytes || keyChars + recordKeyChars > MAX_KEY_CHARS;
            if (count > 0 && full) {
                messages.add(new TraceMessage(body.toByteArray(), List.copyOf(keys), count));
                body.reset();
                keys.clear();
                keyChars = 0;
                count = 0;
            }
            body.writeBytes(encoded);
            for (String key : recordKeys) {
                if (keys.add(key)) {
                    keyChars += key.length() + 1;
                }
            }
            count++;
        }
        if (count > 0) {
            messages.add(new TraceMessage(body.toByteArray(), List.copyOf(keys), count));
        }
        return messages;
    }
}
