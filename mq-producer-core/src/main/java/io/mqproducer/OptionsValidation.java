package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;
import java.time.Duration;

/** The rules {@link ProducerOptions} must satisfy; each broken rule names the setting. */
final class OptionsValidation {
    private static final int MAX_MESSAGE_SIZE_LIMIT = 64 * 1024 * 1024;

    private OptionsValidation() {
    }

    static void check(OptionValues b) {
        checkNameServers(b);
        require("producerGroup", b.producerGroup != null && !b.producerGroup.isBlank(), "producer group must not be blank");
        require("clientId", b.clientId == null || !b.clientId.isBlank(), "client id must not be blank when set");
        checkPositive("sendTimeout", "send timeout", b.sendTimeout);
        checkRequestTimeout(b);
        checkPositive("connectTimeout", "connect timeout", b.connectTimeout);
        checkPositive("routeRefreshInterval", "route refresh interval", b.routeRefreshInterval);
        require("batchLinger", b.batchLinger != null && !b.batchLinger.isNegative() && b.batchLinger.compareTo(Duration.ofSeconds(1)) <= 0,
                "batch linger must be between 0 and 1 s, was " + b.batchLinger);
        require("batchMaxMessages", b.batchMaxMessages >= 1 && b.batchMaxBytes >= 1, "batch limits must be positive, were "
                + b.batchMaxMessages + " messages and " + b.batchMaxBytes + " bytes");
        require("retries", b.retries >= 0, "retries must be >= 0, was " + b.retries);
        require("maxMessageSize", b.maxMessageSize >= 1 && b.maxMessageSize <= MAX_MESSAGE_SIZE_LIMIT,
                "max message size must be between 1 byte and 64 MiB, was " + b.maxMessageSize);
        require("namespace", b.namespace.isEmpty() || b.namespace.matches("[a-zA-Z0-9_-]{1,64}"),
                "namespace '" + b.namespace + "' must be 1-64 characters of letters, digits, '_' and '-'");
        require("compressionThreshold", b.compressionThreshold >= 0, "compression threshold must be >= 0, was " + b.compressionThreshold);
        require("compressionType", b.compressionType != null, "compression type must not be null");
        checkCompressionLevel(b.compressionType, b.compressionLevel);
        require("maxInflightAsync", b.maxInflightAsync >= 1, "max in-flight async sends must be >= 1, was " + b.maxInflightAsync);
        require("observer", b.observer != null, "observer must not be null");
        require("ioThreads", b.ioThreads >= 1, "io threads must be >= 1, was " + b.ioThreads);
        require("traceTopic", b.traceTopic != null && b.traceTopic.matches("[%|a-zA-Z0-9_-]{1,127}"),
                "trace topic '" + b.traceTopic + "' must be 1-127 characters of letters, digits, '%', '|', '_' and '-'");
    }

    private static void checkCompressionLevel(CompressionType type, int level) {
        switch (type) {
            case ZLIB -> require("compressionLevel", level >= 0 && level <= 9,
                    "zlib compression level must be between 0 and 9, was " + level);
            case ZSTD -> require("compressionLevel", level >= 1 && level <= 22,
                    "zstd compression level must be between 1 and 22, was " + level);
            case LZ4 -> {
                // LZ4's fast compressor has no level.
            }
        }
    }

    private static void checkNameServers(OptionValues b) {
        NameServerAddresses.parse(b.nameServers);
    }

    private static void checkRequestTimeout(OptionValues b) {
        if (b.requestTimeout == null) {
            return; // derived from the send timeout
        }
        checkPositive("requestTimeout", "request timeout", b.requestTimeout);
        require("requestTimeout", b.requestTimeout.compareTo(b.sendTimeout) <= 0, "request timeout (one attempt) must "
                + "not exceed the send timeout (all attempts), was " + b.requestTimeout + " with a send timeout of "
                + b.sendTimeout);
    }

    private static void checkPositive(String option, String name, Duration value) {
        require(option, value != null && !value.isNegative() && !value.isZero(),
                name + " must be a positive duration, was " + value);
    }

    private static void require(String option, boolean valid, String message) {
        if (!valid) {
            throw new InvalidOptionsException(option, message);
        }
    }
}
