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

    /**
     * Netty (4.2) turns its use of {@code sun.misc.Unsafe} off by default on Java 25 unless the JVM allows Unsafe memory
     * access, and then has no cleaner for buffers it did not allocate itself; RocketMQ's store frees its memory-mapped
     * files through Netty's cleaner, so stopping or restarting a broker fails with "Cannot clean arbitrary ByteBuffer
     * instances". This flag (Java 23+) allows it, as RocketMQ needs.
     */
    static final String UNSAFE_MEMORY_ACCESS_FLAG = "--sun-misc-unsafe-memory-access=allow";
    static final int UNSAFE_FLAG_SINCE = 23;
    private static final int NETTY_NO_UNSAFE_DEFAULT_SINCE = 25;

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
        requireUnsafeCleaner();
    }

    /**
     * On Java 25, asks Netty for its Unsafe-based cleaner unless the user decided otherwise (this works if Netty is not
     * initialized yet), and fails with what to do if the JVM still does not give it: better a clear error at start
     * than an obscure one when the broker stops.
     */
    private static void requireUnsafeCleaner() {
        if (Runtime.version().feature() < NETTY_NO_UNSAFE_DEFAULT_SINCE) {
            return;
        }
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "false");
        }
        if (!io.netty.util.internal.PlatformDependent.hasUnsafe()) {
            throw new IllegalStateException("the embedded RocketMQ broker needs Netty's Unsafe-based cleaner to unmap "
                    + "its store files, which this Java " + Runtime.version().feature() + " JVM does not allow; "
                    + "start it with " + UNSAFE_MEMORY_ACCESS_FLAG + " (for Maven Surefire, in <argLine>), or do not "
                    + "set -Dio.netty.noUnsafe=true");
        }
    }
}
