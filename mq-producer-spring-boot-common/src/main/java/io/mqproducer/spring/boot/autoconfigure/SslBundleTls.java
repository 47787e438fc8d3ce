package io.mqproducer.spring.boot.autoconfigure;

import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/**
 * Turns {@code mq.producer.ssl.bundle} into the producer's TLS context: the named Spring Boot SSL bundle's
 * {@link SSLContext}, certificates always verified ({@code ssl.verify-hostname} is mapped with the other options).
 */
final class SslBundleTls {
    static final String BUNDLE = MqProducerProperties.PREFIX + ".ssl.bundle";

    private SslBundleTls() {
    }

    /**
     * The customizer that applies TLS, or {@code null} when no bundle is configured.
     *
     * @param ssl     the TLS properties
     * @param bundles the application's SSL bundles, or {@code null} when there are none
     * @throws MqProducerPropertyException naming {@value #BUNDLE} when the bundle does not exist
     */
    static @Nullable ProducerOptionsCustomizer customizer(ProducerProperties.Ssl ssl, @Nullable SslBundles bundles) {
        String name = ssl.getBundle();
        if (name == null || name.isBlank()) {
            return null;
        }
        if (bundles == null) {
            throw new MqProducerPropertyException(BUNDLE, name,
                    "there are no SSL bundles (configure spring.ssl.bundle.* and keep SslAutoConfiguration enabled)",
                    null);
        }
        SSLContext context;
        try {
            context = bundles.getBundle(name).createSslContext();
        } catch (NoSuchSslBundleException e) {
            throw new MqProducerPropertyException(BUNDLE, name,
                    "no SSL bundle of that name; known bundles: " + bundles.getBundleNames(), e);
        }
        return builder -> builder.tls(context);
    }
}
