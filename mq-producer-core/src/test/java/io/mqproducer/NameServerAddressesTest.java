package io.mqproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidOptionsException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameServerAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h1:9876;h2:9877", "h1:9876,h2:9877", " h1:9876 , h2:9877 ", "h1:9876;h2:9877"})
    void acceptsSemicolonsAndCommas(String list) {
        assertThat(ProducerOptions.builder(list).build().nameServers()).containsExactly("h1:9876", "h2:9877");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]:9876", "[fe80::1%eth0]:9876", "[2001:db8::7]:9876"})
    void acceptsBracketedIpv6Literals(String address) {
        assertThat(ProducerOptions.builder(address + ";10.0.0.1:9876").build().nameServers())
                .containsExactly(address, "10.0.0.1:9876");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "h1:9876;;h2:9876   | has an empty entry; separate host:port addresses with ';' or ','",
            "h1:9876,           | has an empty entry",
            "localhost          | 'localhost' is not host:port: the port is missing (e.g. localhost:9876)",
            "localhost:         | the port is missing (e.g. localhost:9876)",
            "h:99999            | '99999' is not a port (1-65535)",
            "h:port             | 'port' is not a port",
            "::1:9876           | looks like an IPv6 address: put it in brackets, followed by the port, e.g. [::1]:9876",
            "::1                | looks like an IPv6 address",
            "[::1]              | the port is missing (e.g. [::1]:9876)",
            "[::1]9876          | the port is missing",
            "[::1:9876          | is not [ipv6]:port",
            "[nope]:9876        | is not [ipv6]:port",
            "http://h:9876      | 'http://h' is not a host name or IPv4 address",
            "my host:9876       | 'my host' is not a host name"})
    void rejectsWithAMessageNamingTheEntry(String list, String expected) {
        assertThatThrownBy(() -> ProducerOptions.builder(list).build()).isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidOptionsException) e).option()).isEqualTo("nameServers"));
    }

    @org.junit.jupiter.api.Test
    void rejectsNullAndNothing() {
        assertThatThrownBy(() -> ProducerOptions.builder().nameServer(null).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> NameServerAddresses.parse(List.of()))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("at least one name server");
    }
}
