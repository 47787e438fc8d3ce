package io.mqproducer.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsMatchTheFullRun() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.measured().messages()).isEqualTo(100_000);
        assertThat(options.threads()).containsExactly(1, 4, 16);
        assertThat(options.scenarios()).containsExactly("sync", "async");
        assertThat(options.bodySize()).isEqualTo(1024);
        assertThat(options.binaryHeaders()).isTrue();
        assertThat(options.nameServer()).isNull();
    }

    @Test
    void quickShrinksTheRunButExplicitOptionsWin() {
        BenchmarkOptions options = BenchmarkOptions.parse("--threads", "16", "--quick", "", "--scenarios", "async");

        assertThat(options.measured().messages()).isEqualTo(500);
        assertThat(options.threads()).isEqualTo(List.of(16));
        assertThat(options.scenarios()).containsExactly("async");
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--messages", "0")).hasMessageContaining("--messages");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--scenarios", "oneway")).hasMessageContaining("sync");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--headers")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("stray")).hasMessageContaining("unexpected");
    }
}
