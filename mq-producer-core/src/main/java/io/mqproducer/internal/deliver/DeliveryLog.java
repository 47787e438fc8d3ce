package io.mqproducer.internal.deliver;

import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.select.BrokerAvailability;

/** The send path's lines in the operator log: brokers avoided and back, sends that ran out of attempts. */
final class DeliveryLog {
    private final OperatorLog log;

    DeliveryLog(OperatorLog log) {
        this.log = log;
    }

    void brokerChanged(BrokerAvailability.Change change, String broker, String address, long latencyMillis,
                       String failure) {
        if (change == BrokerAvailability.Change.AVOIDED && failure != null) {
            long avoidSeconds = BrokerAvailability.avoidance(latencyMillis, true) / 1000;
            log.warn("avoided:" + broker, "broker " + broker + " (" + address + ") avoided for " + avoidSeconds + " s: "
                    + failure);
        } else if (change == BrokerAvailability.Change.AVOIDED) {
            long avoidSeconds = Math.max(1, BrokerAvailability.avoidance(latencyMillis, false) / 1000);
            log.info("avoided:" + broker, "broker " + broker + " (" + address + ") avoided for " + avoidSeconds
                    + " s: answered slowly, in " + latencyMillis + " ms");
        } else if (change == BrokerAvailability.Change.RECOVERED) {
            log.info("recovered:" + broker, "broker " + broker + " (" + address + ") answers promptly again; sends go "
                    + "to it again");
        }
    }

    void exhausted(String topic, int attempts, boolean budgetRanOut, String lastError) {
        log.warn("exhausted:" + topic, "send to topic " + topic + " failed after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + (budgetRanOut ? " (send timeout ran out)" : " (retries exhausted)")
                + ": " + lastError);
    }
}
