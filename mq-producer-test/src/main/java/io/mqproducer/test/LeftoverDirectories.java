package io.mqproducer.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes the temporary directories of embedded RocketMQs whose JVM is gone: a JVM that exits while a broker is still
 * stopping may lose the race with the broker's last writes, and a killed one never cleans up.
 *
 * <p>Each directory names its owner in {@value #OWNER_FILE}; only directories whose owner process no longer runs are
 * deleted. A directory without that file is left alone unless it is older than a day.
 */
final class LeftoverDirectories {

    static final String OWNER_FILE = "owner.pid";

    private static final Duration UNKNOWN_OWNER_MIN_AGE = Duration.ofDays(1);

    private static boolean swept;

    private LeftoverDirectories() {
    }

    /** Writes this JVM's process id into {@code directory}, so that later sweeps can tell whether it is still used. */
    static void markOwned(Path directory) throws IOException {
        Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
                StandardCharsets.US_ASCII);
    }

    /** Sweeps directories named {@code prefix*} in {@code parent}; once per JVM, in the background. */
    static synchronized void sweepOnce(Path parent, String prefix) {
        if (!swept) {
            swept = true;
            Background.run("embedded-rocketmq-sweep", () -> sweep(parent, prefix));
        }
    }

    private static void sweep(Path parent, String prefix) {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path candidate : candidates) {
                if (isAbandoned(candidate)) {
                    StoreDirectory.of(candidate).delete();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Sweeping is a courtesy: a leftover directory harms nobody.
        }
    }

    private static boolean isAbandoned(Path directory) throws IOException {
        Optional<Long> owner = owner(directory);
        if (owner.isPresent()) {
            return ProcessHandle.of(owner.get()).map(process -> !process.isAlive()).orElse(true);
        }
        Instant threshold = Instant.now().minus(UNKNOWN_OWNER_MIN_AGE);
        return Files.getLastModifiedTime(directory).toInstant().isBefore(threshold);
    }

    private static Optional<Long> owner(Path directory) {
        try {
            return Optional.of(Long.parseLong(Files.readString(directory.resolve(OWNER_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
