package io.mqproducer.internal.codec;

import io.mqproducer.internal.protocol.MessageProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** The message property string: {@code name\u0001value\u0002} repeated. */
public final class MessagePropertiesCodec {

    private MessagePropertiesCodec() {
    }

    public static String encode(Map<String, String> properties) {
        StringBuilder out = new StringBuilder(properties.size() * 24);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (property.getValue() == null) {
                continue;
            }
            out.append(property.getKey()).append(MessageProperty.NAME_VALUE_SEPARATOR)
                    .append(property.getValue()).append(MessageProperty.PROPERTY_SEPARATOR);
        }
        return out.toString();
    }

    public static Map<String, String> decode(String encoded) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return properties;
        }
        int start = 0;
        while (start < encoded.length()) {
            int end = encoded.indexOf(MessageProperty.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = encoded.length();
            }
            int split = encoded.indexOf(MessageProperty.NAME_VALUE_SEPARATOR, start);
            if (split < 0 || split > end) {
                throw new CodecException("property without a value separator at index " + start);
            }
            properties.put(encoded.substring(start, split), encoded.substring(split + 1, end));
            start = end + 1;
        }
        return properties;
    }
}
