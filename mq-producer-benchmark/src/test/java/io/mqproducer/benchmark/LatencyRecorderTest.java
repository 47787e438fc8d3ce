package io.mqproducer.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void emptyRecorderReportsZero() {
        LatencyRecorder recorder = new LatencyRecorder();

        assertThat(recorder.count()).isZero();
        assertThat(recorder.percentile(0.99)).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long value = 1; value <= 100; value++) {
            recorder.record(value);
        }

        assertThat(recorder.percentile(0.5)).isEqualTo(50);
        assertThat(recorder.percentile(0.99)).isEqualTo(99);
        assertThat(recorder.percentile(0.999)).isEqualTo(100);
        assertThat(recorder.percentile(1.0)).isEqualTo(100);
        assertThat(recorder.percentile(0.0)).isEqualTo(1);
    }

    @Test
    void largeValuesAreWithinTheBucketPrecision() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long micros = 1; micros <= 10_000; micros++) {
            recorder.record(micros * 1_000); // 1 µs .. 10 ms in nanoseconds
        }

        // Rank ceil(q * n): 5,000th, 9,900th and 9,990th value; reported at most 1/64 above, never below.
        assertThat((double) recorder.percentile(0.5)).isCloseTo(5_000_000, within(5_000_000 / 64.0))
                .isGreaterThanOrEqualTo(5_000_000);
        assertThat((double) recorder.percentile(0.99)).isCloseTo(9_900_000, within(9_900_000 / 64.0))
                .isGreaterThanOrEqualTo(9_900_000);
        assertThat((double) recorder.percentile(0.999)).isCloseTo(9_990_000, within(9_990_000 / 64.0))
                .isGreaterThanOrEqualTo(9_990_000);
        assertThat(recorder.percentile(1.0)).isEqualTo(10_000_000);
    }

    @Test
    void percentileNeverExceedsTheMaximum() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_000_001);

        assertThat(recorder.percentile(0.5)).isEqualTo(1_000_001);
        assertThat(recorder.max()).isEqualTo(1_000_001);
    }

    @Test
    void outliersShowOnlyInTheHighPercentiles() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 998; i++) {
            recorder.record(100);
        }
        recorder.record(50_000);
        recorder.record(90_000);

        assertThat(recorder.percentile(0.99)).isEqualTo(100);
        assertThat((double) recorder.percentile(0.999)).isCloseTo(50_000, within(50_000 / 64.0));
        assertThat(recorder.percentile(1.0)).isEqualTo(90_000);
    }

    @Test
    void addMergesCounts() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        a.record(10);
        b.record(20);
        b.record(30);

        a.add(b);

        assertThat(a.count()).isEqualTo(3);
        assertThat(a.percentile(0.5)).isEqualTo(20);
        assertThat(a.max()).isEqualTo(30);
    }

    @Test
    void bucketsCoverEveryLongWithoutGaps() {
        long[] samples = {0, 1, 127, 128, 129, 255, 256, 1_000_000_007L, Long.MAX_VALUE / 3, Long.MAX_VALUE};
        for (long value : samples) {
            int bucket = LatencyRecorder.bucketOf(value);
            assertThat(LatencyRecorder.highestValueIn(bucket)).isGreaterThanOrEqualTo(value);
            if (bucket > 0) {
                assertThat(LatencyRecorder.highestValueIn(bucket - 1)).isLessThan(value);
            }
        }
    }

    @Test
    void negativeLatencyCountsAsZeroAndBadQuantileIsRejected() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(-5);

        assertThat(recorder.percentile(1.0)).isZero();
        assertThatThrownBy(() -> recorder.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
