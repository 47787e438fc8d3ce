package io.mqproducer.compat;

import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;

/** RocketMQ 4.9.7: name server and one broker, each a JVM of its own with 4.9.7's class path. */
class RocketMQ497DirectIT extends CompatibilityMatrix implements AutoCreateCell {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("4.9.7")).brokerGroup("broker-a")
                .start();
    }
}
