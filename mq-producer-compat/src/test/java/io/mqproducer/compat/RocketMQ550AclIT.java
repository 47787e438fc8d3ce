package io.mqproducer.compat;

import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;

/** RocketMQ 5.5.0 with ACL 2.0: authentication on, one super user. */
class RocketMQ550AclIT extends AclMatrix {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("5.5.0")).brokerGroup("broker-acl")
                .acl(ACCESS_KEY, SECRET_KEY).start();
    }
}
