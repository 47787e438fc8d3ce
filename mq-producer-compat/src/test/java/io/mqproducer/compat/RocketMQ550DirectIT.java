package io.mqproducer.compat;

import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;

/** RocketMQ 5.5.0 as operators run it: name server and one broker, each a JVM of its own with 5.5.0's class path. */
class RocketMQ550DirectIT extends CompatibilityMatrix implements TimerCell, AutoCreateCell {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("5.5.0")).brokerGroup("broker-a")
                .start();
    }
}
