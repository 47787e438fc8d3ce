package io.mqproducer.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdGeneratorTest {

    @Test
    void idsAreUniqueUpperCaseHexOfTheRocketMqLength() {
        MessageIdGenerator generator = new MessageIdGenerator();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = generator.next();
            assertThat(id).hasSize(32).matches("[0-9A-F]{32}");
            ids.add(id);
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void generatorsShareTheHostPartButNotTheSalt() {
        String a = new MessageIdGenerator().next();
        String b = new MessageIdGenerator().next();
        assertThat(a.substring(0, 12)).as("address and process id").isEqualTo(b.substring(0, 12));
        assertThat(a).isNotEqualTo(b);
    }
}
