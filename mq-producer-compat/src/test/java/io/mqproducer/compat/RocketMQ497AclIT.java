package io.mqproducer.compat;

import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;

/** RocketMQ 4.9.7 with ACL 1.0: {@code aclEnable=true} and one admin account in {@code plain_acl.yml}. */
class RocketMQ497AclIT extends AclMatrix {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("4.9.7")).brokerGroup("broker-acl")
                .acl(ACCESS_KEY, SECRET_KEY).start();
    }
}
