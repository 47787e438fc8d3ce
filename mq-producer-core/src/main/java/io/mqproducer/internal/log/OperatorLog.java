package io.mqproducer.internal.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events an operator follows (a broker avoided or back, a route changed, a name server failover, retries exhausted),
 * at INFO or WARN, each kind of event per subject at most once per interval: an outage that fails thousands of sends
 * writes a line now and then, saying how many like it were left out. Callers pass addresses, names and error
 * messages only, never message bodies or credentials.
 */
public final class OperatorLog {
    /** Default spacing of lines about the same subject. */
    public static final long DEFAULT_INTERVAL_MILLIS = 30_000;

    /** Where lines go; SLF4J unless a test captures them. */
    public interface Sink {
        void write(boolean warn, String line);
    }

    private final Sink sink;
    private final long intervalMillis;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public OperatorLog(Sink sink, long intervalMillis, LongSupplier clockMillis) {
        this.sink = sink;
        this.intervalMillis = intervalMillis;
        this.clockMillis = clockMillis;
    }

    /** Lines to the SLF4J logger {@code io.mqproducer}, at most one per subject every 30 s. */
    public static OperatorLog slf4j() {
        Logger logger = LoggerFactory.getLogger("io.mqproducer");
        return new OperatorLog((warn, line) -> {
            if (warn) {
                logger.warn(line);
            } else {
                logger.info(line);
            }
        }, DEFAULT_INTERVAL_MILLIS, System::currentTimeMillis);
    }

    /** Writes {@code line} at WARN unless a line with the same {@code key} was written within the interval. */
    public void warn(String key, String line) {
        write(true, key, line);
    }

    /** Writes {@code line} at INFO unless a line with the same {@code key} was written within the interval. */
    public void info(String key, String line) {
        write(false, key, line);
    }

    private void write(boolean warn, String key, String line) {
        long now = clockMillis.getAsLong();
        int[] leftOut = {-1};
        windows.compute(key, (k, window) -> {
            if (window == null || now - window.writtenAt >= intervalMillis) {
                leftOut[0] = window == null ? 0 : window.leftOut;
                return new Window(now);
            }
            window.leftOut++;
            return window;
        });
        if (leftOut[0] >= 0) {
            sink.write(warn, leftOut[0] == 0 ? line : line + " (" + leftOut[0] + " similar line"
                    + (leftOut[0] == 1 ? "" : "s") + " left out since the last one)");
        }
    }

    /** When the last line about one subject was written, and how many were left out since. */
    private static final class Window {
        final long writtenAt;
        int leftOut;

        Window(long writtenAt) {
            this.writtenAt = writtenAt;
        }
    }
}
