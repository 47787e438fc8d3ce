package io.mqproducer.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.rocketmq.common.config.ConfigHelper;

/**
 * A fresh temporary directory that holds everything one embedded RocketMQ writes. It is deleted once the servers using
 * it have stopped, or when the JVM exits; what a killed JVM leaves behind is swept by the next one
 * ({@link LeftoverDirectories}).
 */
final class StoreDirectory {

    private static final String NAME_PREFIX = "embedded-rocketmq-";

    /** How long a JVM that exits waits for brokers still stopping before it deletes their directories anyway. */
    private static final long EXIT_WAIT_MILLIS = 20_000;

    /** Directories not deleted yet, each with the stop it waits for. */
    private static final Map<StoreDirectory, CompletableFuture<?>> UNDELETED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StoreDirectory::deleteAllOnExit, "embedded-rocketmq-cleanup"));
    }

    private final Path root;

    private StoreDirectory(Path root) {
        this.root = root;
    }

    static StoreDirectory create() {
        try {
            StoreDirectory directory = new StoreDirectory(Files.createTempDirectory(NAME_PREFIX));
            UNDELETED.put(directory, CompletableFuture.completedFuture(null));
            LeftoverDirectories.markOwned(directory.root);
            LeftoverDirectories.sweepOnce(directory.root.getParent(), NAME_PREFIX);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the embedded RocketMQ", e);
        }
    }

    /** A directory found on disk, for deletion only. */
    static StoreDirectory of(Path root) {
        return new StoreDirectory(root);
    }

    Path root() {
        return root;
    }

    /** Returns the file {@code root/first/more...} as an absolute path string, creating its parent directories. */
    String file(String first, String... more) {
        Path path = root.resolve(Path.of(first, more)).toAbsolutePath();
        createDirectories(path.getParent());
        return path.toString();
    }

    /** Returns the directory {@code root/first/more...} as an absolute path string, creating it. */
    String directory(String first, String... more) {
        Path path = root.resolve(Path.of(first, more)).toAbsolutePath();
        createDirectories(path);
        return path.toString();
    }

    /** Deletes the directory once {@code stopped} completes, because stopping servers still write into it. */
    void deleteAfter(CompletableFuture<?> stopped) {
        UNDELETED.put(this, stopped);
        stopped.whenComplete((ignored, error) -> delete());
    }

    /** Deletes the directory tree and RocketMQ's RocksDB log for it; best effort. */
    void delete() {
        for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(StoreDirectory::deleteQuietly);
            } catch (IOException | UncheckedIOException e) {
                // Files vanished or appeared while walking: try again.
            }
        }
        deleteRocksDbLogs();
        UNDELETED.remove(this);
    }

    /**
     * RocketMQ 5.5 always opens a RocksDB in the store and points its info log at {@code ~/logs/rocketmqlogs} (see
     * {@link ConfigHelper#getDBLogDir()}), named after the database path with separators replaced by '_'.
     */
    private void deleteRocksDbLogs() {
        Path logDirectory = Path.of(ConfigHelper.getDBLogDir());
        String prefix = root.toAbsolutePath().toString().substring(1).replace('/', '_') + "_";
        if (!Files.isDirectory(logDirectory)) {
            return;
        }
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDirectory, prefix + "*")) {
            logs.forEach(StoreDirectory::deleteQuietly);
        } catch (IOException e) {
            // Leaving a log file behind is harmless.
        }
    }

    private static void deleteAllOnExit() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS);
        UNDELETED.forEach((directory, stopped) -> {
            try {
                stopped.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Out of time or the stop failed: delete what is there.
            }
            directory.delete();
        });
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A non-empty directory is retried by the next walk.
        }
    }
}
