package io.mqproducer.test;

/**
 * One broker process of a {@link RocketMQCluster}: a master ({@code brokerId} 0) or a slave of a broker group.
 *
 * @param brokerName the broker group's name
 * @param brokerId 0 for the master, 1 for its slave
 * @param ports the ports it binds
 */
record BrokerNode(String brokerName, int brokerId, BrokerPorts ports) {

    String processName() {
        return brokerName + (brokerId == 0 ? "-master" : "-slave-" + brokerId);
    }

    String address() {
        return BrokerSetup.HOST + ":" + ports.listen();
    }
}
