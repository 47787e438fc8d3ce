package io.mqproducer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.error.TlsException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    private static BrokerUnavailableException connectFailure(Throwable cause) {
        return new BrokerUnavailableException("cannot connect to h:1: " + cause.getMessage(), cause);
    }

    @Test
    void namesTheUsualCausesInAFewWords() {
        assertThat(FailureReasons.describe(connectFailure(new ConnectException("Connection refused: /h:1"))))
                .isEqualTo("connection refused");
        assertThat(FailureReasons.describe(connectFailure(new UnknownHostException("h")))).isEqualTo("unknown host");
        assertThat(FailureReasons.describe(connectFailure(new ConnectTimeoutException("connection timed out"))))
                .as("Netty's connect timeout is a ConnectException too").isEqualTo("timed out");
        assertThat(FailureReasons.describe(new RequestTimeoutException("no answer from h:1 within 5 ms")))
                .isEqualTo("timed out");
        assertThat(FailureReasons.describe(connectFailure(new NoRouteToHostException("No route")))).isEqualTo("no route to host");
        assertThat(FailureReasons.describe(new TlsException("TLS connection to h:1 failed",
                new SSLHandshakeException("PKIX path building failed")))).isEqualTo("TLS: PKIX path building failed");
        assertThat(FailureReasons.describe(new IllegalStateException("odd"))).isEqualTo("odd");
    }
}
