package io.mqproducer;

import java.util.Map;

/**
 * Which name servers and brokers answered a connectivity probe. Carries addresses only, never credentials.
 *
 * @param nameServers each configured name server address and whether it answered
 * @param brokers     each broker master this producer routes to (from its cached topics) and whether it answered
 * @param failures    for each address that did not answer, why: "connection refused", "unknown host", "timed out",
 *                    "TLS: ..." or the error's message
 */
public record ConnectivityReport(Map<String, Boolean> nameServers, Map<String, Boolean> brokers,
                                 Map<String, String> failures) {

    public ConnectivityReport {
        nameServers = Map.copyOf(nameServers);
        brokers = Map.copyOf(brokers);
        failures = Map.copyOf(failures);
    }

    /** A report without reasons. */
    public ConnectivityReport(Map<String, Boolean> nameServers, Map<String, Boolean> brokers) {
        this(nameServers, brokers, Map.of());
    }

    /** True when at least one name server answered and every known broker answered. */
    public boolean isHealthy() {
        return nameServers.containsValue(true) && !brokers.containsValue(false);
    }
}
