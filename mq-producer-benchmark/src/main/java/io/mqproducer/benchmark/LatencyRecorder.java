package io.mqproducer.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size log-linear latency histogram in nanoseconds: exact below 128 ns, then 64 buckets per power of two, so
 * a reported percentile is at most 1/64 (about 1.6 %) above the true value.
 *
 * <p>Recording is lock-free and allocation-free, so it is safe from any thread (async callbacks run on client threads)
 * and adds almost nothing to the CPU and allocation figures being measured.
 */
public final class LatencyRecorder {
    /** log2 of the buckets per power of two. */
    private static final int SUB_BUCKET_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Values below this are counted one per bucket. */
    private static final long LINEAR_LIMIT = 2L * SUB_BUCKETS;
    private static final int BUCKETS = bucketOf(Long.MAX_VALUE) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Counts one latency; negative values (a clock step) count as zero. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(bucketOf(value));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    /** How many latencies were recorded. */
    public long count() {
        return total.get();
    }

    /** The largest latency recorded, exactly; 0 when empty. */
    public long max() {
        return max.get();
    }

    /**
     * The latency that {@code quantile} of the recorded ones do not exceed, rounded up to the end of its bucket but
     * never above the recorded maximum; 0 when empty.
     *
     * @param quantile between 0 and 1, e.g. 0.999 for p99.9
     */
    public long percentile(double quantile) {
        if (quantile < 0 || quantile > 1) {
            throw new IllegalArgumentException("quantile must be between 0 and 1, was " + quantile);
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * n));
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts.get(bucket);
            if (seen >= rank) {
                return Math.min(highestValueIn(bucket), max.get());
            }
        }
        return max.get();
    }

    /** Adds every count of {@code other} to this recorder. */
    public void add(LatencyRecorder other) {
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            long c = other.counts.get(bucket);
            if (c != 0) {
                counts.addAndGet(bucket, c);
            }
        }
        total.addAndGet(other.total.get());
        max.accumulateAndGet(other.max.get(), Math::max);
    }

    static int bucketOf(long value) {
        if (value < LINEAR_LIMIT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BUCKET_BITS;
        // The top SUB_BUCKET_BITS + 1 bits: a leading 1 and the position inside this power of two.
        int mantissa = (int) (value >>> shift);
        return (int) LINEAR_LIMIT + (shift - 1) * SUB_BUCKETS + (mantissa - SUB_BUCKETS);
    }

    static long highestValueIn(int bucket) {
        if (bucket < LINEAR_LIMIT) {
            return bucket;
        }
        int offset = bucket - (int) LINEAR_LIMIT;
        int shift = offset / SUB_BUCKETS + 1;
        long mantissa = SUB_BUCKETS + offset % SUB_BUCKETS;
        long lowest = mantissa << shift;
        // The top bucket's end would overflow; Long.MAX_VALUE is its last value anyway.
        long width = 1L << shift;
        return lowest > Long.MAX_VALUE - width ? Long.MAX_VALUE : lowest + width - 1;
    }
}
