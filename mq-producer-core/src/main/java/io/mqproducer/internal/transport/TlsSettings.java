package io.mqproducer.internal.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * How connections are secured: the JDK context to create engines from and whether the peer's certificate must
 * name the host we connect to (on by default: without it any trusted certificate would do).
 */
public record TlsSettings(SSLContext context, boolean verifyHostname) {

    /** A client-mode engine for one connection. */
    SSLEngine newEngine(String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        if (verifyHostname) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return engine;
    }
}
