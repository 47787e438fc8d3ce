package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the {@link SSLContext} for {@link ProducerOptions.Builder#tls} from PEM files, for use without Spring. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** A context that trusts the certificates (CA or self-signed) in a PEM file, and only those. */
    public static SSLContext trusting(Path pemCertificates) {
        try (InputStream in = Files.newInputStream(pemCertificates)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new InvalidOptionsException("tls", "no certificate found in " + pemCertificates);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidOptionsException("tls", "cannot read trusted certificates from " + pemCertificates + ": "
                    + e.getMessage());
        }
    }

    /** The JVM's default context (its default trust store). */
    public static SSLContext systemDefault() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new InvalidOptionsException("tls", "the JVM has no default TLS context: " + e.getMessage());
        }
    }
}
