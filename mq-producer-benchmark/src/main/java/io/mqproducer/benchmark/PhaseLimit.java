package io.mqproducer.benchmark;

import java.time.Duration;

/**
 * Bounds of one benchmark phase: it ends after {@code messages} sends or after {@code duration}, whichever comes
 * first, so a slow client cannot stretch a run and a fast one cannot shrink the sample below the count.
 *
 * @param messages most sends started in the phase
 * @param duration longest time the phase starts new sends
 */
public record PhaseLimit(int messages, Duration duration) {

    /** The {@link System#nanoTime()} after which no send may start, for a phase that starts now. */
    public long deadlineFrom(long startNanos) {
        return startNanos + duration.toNanos();
    }

    @Override
    public String toString() {
        return messages + " messages or " + duration.toSeconds() + " s";
    }
}
