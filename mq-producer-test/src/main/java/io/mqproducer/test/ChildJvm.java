package io.mqproducer.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started from this JVM's class path, with its stdout and stderr in a log file and its stdin as a
 * command channel. The child is expected to exit when its stdin closes, so that it does not outlive a parent that dies.
 */
final class ChildJvm {

    /**
     * The JDK internals RocketMQ and Netty reach into, the same list as the root pom's {@code test.jvm.args}: RocketMQ
     * unmaps its store files and Netty manages direct memory through them.
     */
    static final List<String> JDK_ACCESS_FLAGS = jdkAccessFlags();

    private static List<String> jdkAccessFlags() {
        List<String> flags = new ArrayList<>(List.of(
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"));
        if (Runtime.version().feature() >= JvmSettings.UNSAFE_FLAG_SINCE) {
            flags.add(JvmSettings.UNSAFE_MEMORY_ACCESS_FLAG); // see JvmSettings: the store's cleaner needs it on 25
        }
        return List.copyOf(flags);
    }

    /** A small heap and the serial collector keep a broker JVM light on a two-core CI machine. */
    private static final List<String> HEAP_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private static final int TAIL_LINES = 60;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} with {@code arguments}; its output goes to {@code log}, created or appended to. */
    static ChildJvm launch(Class<?> mainClass, List<String> arguments, Path log) {
        return launch(System.getProperty("java.class.path"), HEAP_FLAGS, mainClass.getName(), arguments, log);
    }

    /**
     * Starts {@code mainClass} from another class path, such as a {@link RocketMQDistribution}'s, with the JDK access
     * flags and {@code jvmFlags} (heap size, system properties); its output goes to {@code log}.
     */
    static ChildJvm launch(String classPath, List<String> jvmFlags, String mainClass, List<String> arguments,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(JDK_ACCESS_FLAGS);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new ChildJvm(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + mainClass, e);
        }
    }

    /**
     * The jar or class directory of this module, added to a foreign class path for the small JDK-only entry points
     * ({@link ServerMain}, {@link ClusterAdminMain}) that run there; those use only the JDK or client API every release has.
     */
    static String ownLocation() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + ChildJvm.class.getName(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or null while the process runs. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Whether the child has written a line starting with {@code prefix}. */
    boolean hasPrinted(String prefix) {
        return readLog().stream().anyMatch(line -> line.startsWith(prefix));
    }

    /** Whether the child's output contains {@code text} anywhere. */
    boolean hasPrintedAnywhere(String text) {
        return readLog().stream().anyMatch(line -> line.contains(text));
    }

    /** Writes one line to the child's stdin; a child that is gone does not read it, which is not an error here. */
    void tell(String line) {
        try {
            OutputStream input = process.getOutputStream();
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            // The pipe is closed because the child exited; callers notice that through isAlive().
        }
    }

    /** Closes the child's stdin (asking it to exit) and waits up to {@code timeout} for it to do so. */
    boolean closeInputAndAwaitExit(Duration timeout) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed.
        }
        return awaitExit(timeout);
    }

    /**
     * Kills the child abruptly (SIGKILL on Linux: no shutdown hook, no goodbye to the name server) and returns once the
     * process is gone.
     *
     * @throws IllegalStateException if it is still there after {@code timeout}
     */
    void kill(Duration timeout) {
        process.destroyForcibly();
        if (!awaitExit(timeout)) {
            throw new IllegalStateException("process " + process.pid() + " still runs " + timeout.toMillis()
                    + " ms after SIGKILL");
        }
    }

    /**
     * Asks the child to shut down with SIGTERM (its shutdown hooks run) and returns once it exited.
     *
     * @throws IllegalStateException if it is still there after {@code timeout}
     */
    void terminate(Duration timeout) {
        process.destroy();
        if (!awaitExit(timeout)) {
            throw new IllegalStateException("process " + process.pid() + " still runs " + timeout.toMillis()
                    + " ms after SIGTERM");
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with the system's {@code kill} command. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling process " + process.pid(), e);
        }
    }

    Path log() {
        return log;
    }

    /** The last lines of the child's output, for error messages. */
    String tail() {
        List<String> lines = readLog();
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "--- last " + last.size() + " lines of " + log + " ---" + System.lineSeparator()
                + String.join(System.lineSeparator(), last);
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for process " + process.pid() + " to exit", e);
        }
    }

    private List<String> readLog() {
        try {
            // Lenient decoding: a line the child is still writing may end in the middle of a character.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
