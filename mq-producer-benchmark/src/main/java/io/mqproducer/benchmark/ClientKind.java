package io.mqproducer.benchmark;

/** The two producers compared; each creates a fresh, started client per run. */
public enum ClientKind {
    /** This project's producer. */
    OURS(OurClient.LABEL),
    /** Apache RocketMQ's {@code DefaultMQProducer}. */
    OFFICIAL(OfficialClient.LABEL);

    private final String label;

    ClientKind(String label) {
        this.label = label;
    }

    /** The name shown in the results table. */
    public String label() {
        return label;
    }

    /** Creates and starts a client of this kind. */
    public BenchmarkClient start(ClientSettings settings) {
        return this == OURS ? new OurClient(settings) : new OfficialClient(settings);
    }
}
