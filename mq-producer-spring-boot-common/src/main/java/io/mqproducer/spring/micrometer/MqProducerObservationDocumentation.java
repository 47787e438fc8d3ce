package io.mqproducer.spring.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of the starter, with their key names. */
public enum MqProducerObservationDocumentation implements ObservationDocumentation {

    /** A send through a {@link io.mqproducer.spring.ProducerTemplate}: single, batch or transactional. */
    TEMPLATE_OBSERVATION {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultMqProducerObservationConvention.class;
        }

        @Override
        public String getName() {
            return "mq.producer.template";
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    };

    /** Low-cardinality keys (also tags of the observation's timer). */
    public enum LowCardinalityKeys implements KeyName {
        /** Always {@code rocketmq}. */
        MESSAGING_SYSTEM("messaging.system"),
        /** The topic. */
        DESTINATION("messaging.destination.name"),
        /** {@code sync}, {@code async} or {@code oneway}. */
        SEND_MODE("mq.send.mode"),
        /** {@code send}, {@code batch} or {@code transaction}. */
        OPERATION("mq.send.operation"),
        /** {@code success} or {@code failure}. */
        OUTCOME("outcome");

        private final String key;

        LowCardinalityKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** High-cardinality keys (span tags only). */
    public enum HighCardinalityKeys implements KeyName {
        /** The id of the (first) message stored, when the send succeeded with a result. */
        MESSAGE_ID("messaging.message.id"),
        /** How many messages the send carried. */
        BATCH_MESSAGE_COUNT("messaging.batch.message_count");

        private final String key;

        HighCardinalityKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }
}
