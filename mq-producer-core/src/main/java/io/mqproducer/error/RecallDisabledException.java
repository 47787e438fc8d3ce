package io.mqproducer.error;

/**
 * The broker refused to recall a message because recall is switched off there, as it is by default. Set
 * {@code recallMessageEnable=true} in the broker's configuration (broker.conf, or at runtime with
 * {@code mqadmin updateBrokerConfig -b <broker address> -k recallMessageEnable -v true}) to allow it.
 */
public class RecallDisabledException extends BrokerRejectedException {
    public RecallDisabledException(String brokerName, int code, String remark) {
        super(code, remark, "broker " + brokerName + " does not allow recalling messages (code " + code
                + (remark == null ? "" : ", " + remark) + "): set recallMessageEnable=true in its broker configuration "
                + "(broker.conf, or mqadmin updateBrokerConfig -b <broker address> -k recallMessageEnable -v true)", false);
    }

    private RecallDisabledException(RecallDisabledException original) {
        super(original);
    }

    @Override
    public RecallDisabledException copyForRethrow() {
        return new RecallDisabledException(this);
    }
}
