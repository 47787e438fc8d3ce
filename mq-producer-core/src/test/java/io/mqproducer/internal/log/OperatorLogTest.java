package io.mqproducer.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OperatorLogTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> lines = new ArrayList<>();
    private final OperatorLog log = new OperatorLog((warn, line) -> lines.add((warn ? "WARN " : "INFO ") + line), 30_000,
            now::get);

    @Test
    void writesEachSubjectOncePerIntervalAndCountsWhatItLeftOut() {
        for (int i = 0; i < 500; i++) {
            log.warn("exhausted:T", "retries exhausted for topic T");
        }
        log.info("avoided:a", "broker a avoided");
        assertThat(lines).containsExactly("WARN retries exhausted for topic T", "INFO broker a avoided");

        now.addAndGet(29_999);
        log.warn("exhausted:T", "retries exhausted for topic T");
        assertThat(lines).hasSize(2);
        now.addAndGet(1);
        log.warn("exhausted:T", "retries exhausted for topic T");
        assertThat(lines).last().isEqualTo("WARN retries exhausted for topic T (500 similar lines left out since the last one)");

        now.addAndGet(30_000);
        log.warn("exhausted:T", "again");
        assertThat(lines).last().isEqualTo("WARN again");
    }
}
