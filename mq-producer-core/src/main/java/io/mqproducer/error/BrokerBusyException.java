package io.mqproducer.error;

/** The broker is overloaded (its send queue is full or its page cache busy); try another broker or later. */
public class BrokerBusyException extends BrokerRejectedException {
    public BrokerBusyException(String brokerName, int code, String remark) {
        super(brokerName, code, remark, true);
    }

    private BrokerBusyException(BrokerBusyException original) {
        super(original);
    }

    @Override
    public BrokerBusyException copyForRethrow() {
        return new BrokerBusyException(this);
    }
}
