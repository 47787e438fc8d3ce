package io.mqproducer.error;

/** The broker answered the request with an error code. */
public class BrokerRejectedException extends ProducerException {
    private final int code;
    private final String remark;

    public BrokerRejectedException(String brokerName, int code, String remark, boolean retriable) {
        super("broker " + brokerName + " rejected the request: code " + code
                + (remark == null ? "" : ", " + remark), retriable);
        this.code = code;
        this.remark = remark;
    }

    /** For subclasses that explain the refusal in their own words. */
    protected BrokerRejectedException(int code, String remark, String message, boolean retriable) {
        super(message, retriable);
        this.code = code;
        this.remark = remark;
    }

    /** The broker's response code (RocketMQ {@code ResponseCode}). */
    public int code() {
        return code;
    }

    /** The broker's explanation, if any. */
    public String remark() {
        return remark;
    }

    /** A copy of {@code original} with it as the cause; see {@link #copyForRethrow()}. */
    protected BrokerRejectedException(BrokerRejectedException original) {
        super(original.getMessage(), original.isRetriable(), original);
        this.code = original.code;
        this.remark = original.remark;
    }

    @Override
    public BrokerRejectedException copyForRethrow() {
        return new BrokerRejectedException(this);
    }
}
