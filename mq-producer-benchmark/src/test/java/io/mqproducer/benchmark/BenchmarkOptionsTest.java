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
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compression", "snappy")).hasMessageContaining("zstd");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--body", "xml")).hasMessageContaining("random or json");
        assertThatThrownBy(() -> BenchmarkOptions.parse("stray")).hasMessageContaining("unexpected");
    }

    @Test
    void codecAndBodyKindAreParsedAndTheJsonBodyIsCompressible() {
        BenchmarkOptions options = BenchmarkOptions.parse("--body", "json", "--body-size", "16384", "--compression",
                "lz4");
        org.assertj.core.api.Assertions.assertThat(options.jsonBody()).isTrue();
        org.assertj.core.api.Assertions.assertThat(options.compression()).isEqualTo(io.mqproducer.CompressionType.LZ4);
        org.assertj.core.api.Assertions.assertThat(BenchmarkOptions.parse().compression())
                .isEqualTo(io.mqproducer.CompressionType.ZLIB);
        byte[] json = BenchmarkMain.jsonBody(16384);
        org.assertj.core.api.Assertions.assertThat(json).hasSize(16384);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(5);
        deflater.setInput(json);
        deflater.finish();
        int compressed = deflater.deflate(new byte[json.length]);
        deflater.end();
        org.assertj.core.api.Assertions.assertThat(compressed).as("compressible like real payloads")
                .isLessThan(json.length / 3);
    }

    @Test
    void messageShapeTopicsAndFootprintAreParsed() {
        BenchmarkOptions options = BenchmarkOptions.parse("--message", "traced", "--topics", "1000", "--footprint",
                "10");
        org.assertj.core.api.Assertions.assertThat(options.traced()).isTrue();
        org.assertj.core.api.Assertions.assertThat(options.topicCount()).isEqualTo(1000);
        org.assertj.core.api.Assertions.assertThat(options.footprint()).isEqualTo(10);
        BenchmarkOptions defaults = BenchmarkOptions.parse();
        org.assertj.core.api.Assertions.assertThat(defaults.traced()).isFalse();
        org.assertj.core.api.Assertions.assertThat(defaults.topicCount()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(defaults.footprint()).isZero();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--message", "fat")).hasMessageContaining("bare or traced");
    }

    @Test
    void tracedMessagesCycleTopicsAndCarryDistinctValues() {
        MessageShape shape = new MessageShape(true, "T", 3);
        org.assertj.core.api.Assertions.assertThat(java.util.List.of(shape.topic(0), shape.topic(1), shape.topic(2),
                shape.topic(3))).containsExactly("T-0", "T-1", "T-2", "T-0");
        org.assertj.core.api.Assertions.assertThat(shape.orderKey(1)).isNotEqualTo(shape.orderKey(2));
        org.assertj.core.api.Assertions.assertThat(shape.joinedKeys(5)).isEqualTo(shape.orderKey(5) + " "
                + shape.userKey(5));
        org.assertj.core.api.Assertions.assertThat(shape.traceParent(9)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        org.assertj.core.api.Assertions.assertThat(new MessageShape(false, "T", 1).topic(7)).isEqualTo("T");
    }
}
