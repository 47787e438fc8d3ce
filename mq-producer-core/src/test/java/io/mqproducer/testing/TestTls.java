package io.mqproducer.testing;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The self-signed test certificate (CN=localhost, SAN localhost and 127.0.0.1) in src/test/resources/tls. */
public final class TestTls {

    private TestTls() {
    }

    /** A TLS server socket on loopback presenting the test certificate. */
    public static ServerSocket serverSocket() throws Exception {
        Certificate certificate;
        try (InputStream in = resource("tls/server.crt")) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String pem;
        try (InputStream in = resource("tls/server-pkcs8.key")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, "changeit".toCharArray(), new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Path of a test resource file. */
    public static java.nio.file.Path path(String name) throws Exception {
        return java.nio.file.Path.of(TestTls.class.getClassLoader().getResource(name).toURI());
    }

    private static InputStream resource(String name) {
        return TestTls.class.getClassLoader().getResourceAsStream(name);
    }
}
