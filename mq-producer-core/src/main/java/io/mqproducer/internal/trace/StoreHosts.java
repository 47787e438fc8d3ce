package io.mqproducer.internal.trace;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The store host inside a broker's message id ({@code offsetMsgId}): hex of the host's IP address (4 or 16 bytes),
 * its port (4 bytes) and the commit log offset (8 bytes). It names the broker that really stored the message, also
 * when the send went through a proxy.
 */
final class StoreHosts {
    private static final int IPV4_ID_LENGTH = (4 + 4 + 8) * 2;
    private static final int IPV6_ID_LENGTH = (16 + 4 + 8) * 2;

    private StoreHosts() {
    }

    /** {@code host:port} from {@code offsetMessageId}, or null if it is missing or malformed. */
    static String fromOffsetMessageId(String offsetMessageId) {
        if (offsetMessageId == null) {
            return null;
        }
        int addressBytes = switch (offsetMessageId.length()) {
            case IPV4_ID_LENGTH -> 4;
            case IPV6_ID_LENGTH -> 16;
            default -> 0;
        };
        if (addressBytes == 0) {
            return null;
        }
        try {
            byte[] address = new byte[addressBytes];
            for (int i = 0; i < addressBytes; i++) {
                address[i] = (byte) Integer.parseInt(offsetMessageId, i * 2, i * 2 + 2, 16);
            }
            int portStart = addressBytes * 2;
            long port = Long.parseLong(offsetMessageId, portStart, portStart + 8, 16);
            return InetAddress.getByAddress(address).getHostAddress() + ":" + port;
        } catch (NumberFormatException | UnknownHostException e) {
            return null;
        }
    }
}
