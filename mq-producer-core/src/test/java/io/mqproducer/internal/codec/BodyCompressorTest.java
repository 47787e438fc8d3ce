package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.CompressionType;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidOptionsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BodyCompressorTest {

    private static final byte[] BODY = "{\"sku\":\"A-1\",\"qty\":1},".repeat(500).getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void roundTripsAndShrinksARepetitiveBody(CompressionType type) {
        BodyCompressor compressor = BodyCompressor.of(type, type == CompressionType.ZSTD ? 3 : 5);
        byte[] compressed = compressor.compress(BODY);
        assertThat(compressed.length).isLessThan(BODY.length / 4);
        assertThat(compressor.sysFlagBits()).isEqualTo(type.sysFlagBits());
        assertThat(BodyCompressor.decompress(1 | type.sysFlagBits(), compressed)).isEqualTo(BODY);
    }

    @Test
    void lz4FramesDeclareTheSmallestBlockThatHoldsTheBody() {
        // Frame: 4 magic bytes, FLG, then BD whose bits 4-6 give the block size (4 = 64 KiB ... 7 = 4 MiB). The
        // stream allocates two buffers of that size, so the 4 MiB default costs 8 MiB per message.
        byte[] small = BodyCompressor.of(CompressionType.LZ4, 0).compress(BODY);
        assertThat((small[5] >> 4) & 7).isEqualTo(4);
        byte[] large = BodyCompressor.of(CompressionType.LZ4, 0).compress(new byte[300 * 1024]);
        assertThat((large[5] >> 4) & 7).as("300 KiB needs 1 MiB blocks").isEqualTo(6);
        assertThat(BodyCompressor.decompress(1 | CompressionType.LZ4.sysFlagBits(), large)).hasSize(300 * 1024);
    }

    @Test
    void typeZeroIsReadAsZlibAndAnUncompressedBodyIsLeftAlone() {
        byte[] zlib = BodyCompressor.of(CompressionType.ZLIB, 5).compress(BODY);
        assertThat(BodyCompressor.decompress(1, zlib)).isEqualTo(BODY);
        assertThat(BodyCompressor.decompress(0, BODY)).isSameAs(BODY);
    }

    @Test
    void anUnknownCodecOrACorruptBodyIsACodecError() {
        assertThatThrownBy(() -> BodyCompressor.decompress(1 | (5 << 8), BODY)).isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown compression type 5");
        assertThatThrownBy(() -> BodyCompressor.decompress(1 | CompressionType.LZ4.sysFlagBits(), BODY))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void levelsAreCheckedPerCodec() {
        assertThatThrownBy(() -> ProducerOptions.builder("127.0.0.1:9876").compressionType(CompressionType.ZLIB)
                .compressionLevel(12).build()).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("zlib compression level must be between 0 and 9");
        assertThatThrownBy(() -> ProducerOptions.builder("127.0.0.1:9876").compressionType(CompressionType.ZSTD)
                .compressionLevel(0).build()).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("between 1 and 22");
        assertThat(ProducerOptions.builder("127.0.0.1:9876").compressionType(CompressionType.ZSTD)
                .compressionLevel(19).build().compressionLevel()).isEqualTo(19);
        assertThat(ProducerOptions.builder("127.0.0.1:9876").compressionType(CompressionType.LZ4)
                .compressionLevel(42).build().compressionType()).isEqualTo(CompressionType.LZ4);
    }

    @Test
    void pooledZlibDeflatersRoundTripBodiesOfEverySizeFromManyThreads() throws Exception {
        BodyCompressor zlib = BodyCompressor.of(CompressionType.ZLIB, 5);
        java.util.Random random = new java.util.Random(3);
        java.util.List<byte[]> bodies = new java.util.ArrayList<>();
        for (int size : new int[] {1, 100, 5_000, 70_000, 2_000_000}) {
            byte[] noise = new byte[size]; // incompressible: the output outgrows the input
            random.nextBytes(noise);
            bodies.add(noise);
            bodies.add(java.util.Arrays.copyOf(BODY, Math.min(size, BODY.length)));
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] body = bodies.get(i % bodies.size());
                checks.add(threads.submit(() -> java.util.Arrays.equals(
                        BodyCompressor.decompress(1 | zlib.sysFlagBits(), zlib.compress(body)), body)));
            }
            for (java.util.concurrent.Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
