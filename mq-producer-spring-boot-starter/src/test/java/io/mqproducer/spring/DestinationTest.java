package io.mqproducer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidMessageException;
import org.junit.jupiter.api.Test;

class DestinationTest {

    @Test
    void topicAlone() {
        assertThat(Destination.parse("orders")).isEqualTo(new Destination("orders", null));
    }

    @Test
    void topicAndTag() {
        assertThat(Destination.parse("orders:created")).isEqualTo(new Destination("orders", "created"));
    }

    @Test
    void emptyTagMeansNone() {
        assertThat(Destination.parse("orders:")).isEqualTo(new Destination("orders", null));
        assertThat(Destination.parse("orders: ")).isEqualTo(new Destination("orders", null));
    }

    @Test
    void onlyTheFirstColonSeparates() {
        assertThat(Destination.parse("orders:a:b")).isEqualTo(new Destination("orders", "a:b"));
    }

    @Test
    void tagExpressionsArePassedOnForTheCoreToJudge() {
        assertThat(Destination.parse("orders:a || b").tag()).isEqualTo("a || b");
    }

    @Test
    void nullIsAnInvalidMessage() {
        assertThatThrownBy(() -> Destination.parse(null)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("destination");
    }
}
