package io.mqproducer.test;

/**
 * The TCP ports one broker binds: the listen port for clients, the "fast" (VIP) port RocketMQ always opens at
 * {@code listen - 2}, and the port of the replication (HA) service.
 *
 * @param listen the port clients use
 * @param ha the port of the replication service
 */
record BrokerPorts(int listen, int ha) {

    /** RocketMQ 5.5 derives the fast channel's port from the listen port and has no switch to turn it off. */
    static final int FAST_PORT_OFFSET = -2;

    private static final int ATTEMPTS = 100;

    int fast() {
        return listen + FAST_PORT_OFFSET;
    }

    /** Finds ports that are free right now, so that the broker's binds a moment later very likely succeed. */
    static BrokerPorts findFree() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BrokerPorts candidate = new BrokerPorts(Loopback.freePort(), Loopback.freePort());
            if (candidate.ha() != candidate.fast() && candidate.ha() != candidate.listen()
                    && Loopback.isFree(candidate.fast()) && Loopback.isFree(candidate.listen())) {
                return candidate;
            }
        }
        throw new IllegalStateException("found no free port p with p-2 also free for the embedded broker");
    }
}
