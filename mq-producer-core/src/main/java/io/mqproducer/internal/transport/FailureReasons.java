package io.mqproducer.internal.transport;

import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.error.TlsException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Says in a few words why a connection or request failed, for start-up errors and health details an operator reads. */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** "connection refused", "unknown host", "timed out", "TLS: ..." or, failing those, the error's own message. */
    public static String describe(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof TlsException || current instanceof SSLException) {
                return "TLS: " + rootMessage(current);
            }
            if (current instanceof UnknownHostException || current instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            // Before ConnectException, which Netty's connect timeout extends.
            if (current instanceof ConnectTimeoutException || current instanceof SocketTimeoutException
                    || current instanceof RequestTimeoutException) {
                return "timed out";
            }
            if (current instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (current instanceof ConnectException) {
                return "connection refused";
            }
        }
        return error == null ? "unknown" : String.valueOf(error.getMessage());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
