package io.mqproducer.test;

import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * The JVM-wide RocketMQ settings that its start-up scripts would make, applied once before the first embedded server
 * starts. Values the user set explicitly are left alone.
 */
final class JvmSettings {

    private static boolean applied;

    private JvmSettings() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        // Without a version every request says version 0, the name server takes the broker for a pre-3.0.11 one,
        // misreads its registration and routes none of its topics. RocketMQ's start-up and its client set the same.
        if (System.getProperty(RemotingCommand.REMOTING_VERSION_KEY) == null) {
            System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        }
        // RocketMQ's default "permissive" TLS makes every server generate a self-signed RSA certificate at start, which
        // costs hundreds of milliseconds each. Tests that need TLS set -Dtls.server.mode (or TlsSystemConfig.tlsMode
        // after the first start).
        if (System.getProperty(TlsSystemConfig.TLS_SERVER_MODE) == null) {
            TlsSystemConfig.tlsMode = TlsMode.DISABLED;
        }
    }
}
