package io.mqproducer.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void formatsOursOverOfficialWithTwoDecimals() {
        assertThat(Ratio.format(150, 100)).isEqualTo("1.50x");
        assertThat(Ratio.format(1, 3)).isEqualTo("0.33x");
        assertThat(Ratio.format(2, 3)).isEqualTo("0.67x");
        assertThat(Ratio.format(0, 5)).isEqualTo("0.00x");
    }

    @Test
    void tinyRatiosKeepOneSignificantDigit() {
        assertThat(Ratio.format(4, 1000)).isEqualTo("0.004x");
    }

    @Test
    void missingOrZeroBaselineIsNotARatio() {
        assertThat(Ratio.format(1, 0)).isEqualTo("n/a");
        assertThat(Ratio.format(Double.NaN, 1)).isEqualTo("n/a");
        assertThat(Ratio.format(1, Double.NaN)).isEqualTo("n/a");
    }
}
