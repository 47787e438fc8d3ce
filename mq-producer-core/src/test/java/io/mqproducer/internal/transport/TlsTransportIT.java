package io.mqproducer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.TlsContexts;
import io.mqproducer.error.TlsException;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.testing.FakeServer;
import io.mqproducer.testing.TestTls;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TlsTransportIT {

    private static RemotingClient client(String trusted, boolean verifyHostname) throws Exception {
        return new RemotingClient(1, Duration.ofSeconds(2), HeaderFormat.BINARY, InboundRequestHandler.UNSUPPORTED, null,
                new TlsSettings(TlsContexts.trusting(TestTls.path(trusted)), verifyHostname));
    }

    private static RemotingCommand request(RemotingClient client) {
        return RemotingCommand.request(105, client.nextOpaque(), Map.of("topic", "T"), null);
    }

    @Test
    void talksToATrustedServerOverTls() throws Exception {
        try (FakeServer server = new FakeServer(FakeServer.answering(r -> RemotingCommand.responseTo(r, 0, "secure")),
                TestTls.serverSocket());
             RemotingClient client = client("tls/server.crt", true)) {
            RemotingCommand answer = client.invoke(server.address(), request(client), 5000).get(5, TimeUnit.SECONDS);
            assertThat(answer.remark()).isEqualTo("secure");
        }
    }

    @Test
    void untrustedCertificateIsATlsError() throws Exception {
        try (FakeServer server = new FakeServer(FakeServer.answering(r -> RemotingCommand.responseTo(r, 0, "x")),
                TestTls.serverSocket());
             RemotingClient client = client("tls/other.crt", true)) {
            assertThatThrownBy(() -> client.invoke(server.address(), request(client), 5000).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TlsException.class)
                    .hasMessageContaining("TLS connection to " + server.address());
        }
    }

    @Test
    void plainServerIsATlsErrorNotAHang() throws Exception {
        try (FakeServer server = new FakeServer((in, out) -> in.read());
             RemotingClient client = client("tls/server.crt", true)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.invoke(server.address(), request(client), 1000).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
        }
    }

    @Test
    void theSystemDefaultContextTrustsTheJvmTrustStoreNotAnyCertificate() throws Exception {
        assertThat(TlsContexts.systemDefault()).isSameAs(javax.net.ssl.SSLContext.getDefault());
        try (FakeServer server = new FakeServer(FakeServer.answering(r -> RemotingCommand.responseTo(r, 0, "x")),
                TestTls.serverSocket());
             RemotingClient client = new RemotingClient(1, Duration.ofSeconds(2), HeaderFormat.BINARY,
                     InboundRequestHandler.UNSUPPORTED, null, new TlsSettings(TlsContexts.systemDefault(), true))) {
            // The test server's self-signed certificate is in no JVM trust store.
            assertThatThrownBy(() -> client.invoke(server.address(), request(client), 5000).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TlsException.class)
                    .hasMessageContaining("TLS connection to " + server.address())
                    .hasMessageContaining("certification path");
        }
    }
}
