package io.mqproducer.test;

import java.nio.file.Path;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;

/**
 * Optional ACL and TLS settings of an embedded broker.
 *
 * @param accessKey ACL access key of the one (super) user, or null for no authentication
 * @param secretKey that user's secret key
 * @param tlsCertificate PEM certificate the servers present, or null for no TLS
 * @param tlsKey the certificate's PKCS#8 PEM private key
 */
record BrokerSecurity(String accessKey, String secretKey, Path tlsCertificate, Path tlsKey) {

    static final BrokerSecurity NONE = new BrokerSecurity(null, null, null, null);

    boolean authentication() {
        return accessKey != null;
    }

    /** RocketMQ 5 authentication with one super user whose credentials the broker also uses for itself. */
    AuthConfig authConfig(String clusterName, StoreDirectory directory) {
        AuthConfig config = new AuthConfig();
        config.setConfigName(clusterName);
        config.setClusterName(clusterName);
        config.setAuthConfigPath(directory.directory("broker", "auth"));
        config.setAuthenticationEnabled(true);
        config.setAuthenticationProvider("org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider");
        config.setAuthenticationMetadataProvider(
                "org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider");
        config.setInitAuthenticationUser("{\"username\":\"" + accessKey + "\",\"password\":\"" + secretKey
                + "\",\"userType\":\"Super\"}");
        config.setInnerClientAuthenticationCredentials("{\"accessKey\":\"" + accessKey + "\",\"secretKey\":\""
                + secretKey + "\"}");
        return config;
    }

    /**
     * Makes servers started from now on in this JVM accept TLS (and, being permissive, plain TCP too) with the given
     * certificate. RocketMQ reads these settings from JVM-wide fields, so they stay in effect for later brokers.
     */
    void applyTls() {
        if (tlsCertificate == null) {
            return;
        }
        TlsSystemConfig.tlsTestModeEnable = false;
        TlsSystemConfig.tlsServerCertPath = tlsCertificate.toString();
        TlsSystemConfig.tlsServerKeyPath = tlsKey.toString();
        TlsSystemConfig.tlsServerNeedClientAuth = "none";
        TlsSystemConfig.tlsMode = TlsMode.PERMISSIVE;
    }
}
