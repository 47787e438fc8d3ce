package io.mqproducer.internal.protocol;

/** Response codes a broker or name server answers a producer with. */
public final class ResponseCode {
    public static final int SUCCESS = 0;
    public static final int SYSTEM_ERROR = 1;
    public static final int SYSTEM_BUSY = 2;
    public static final int REQUEST_CODE_NOT_SUPPORTED = 3;
    public static final int FLUSH_DISK_TIMEOUT = 10;
    public static final int SLAVE_NOT_AVAILABLE = 11;
    public static final int FLUSH_SLAVE_TIMEOUT = 12;
    public static final int MESSAGE_ILLEGAL = 13;
    public static final int SERVICE_NOT_AVAILABLE = 14;
    public static final int VERSION_NOT_SUPPORTED = 15;
    public static final int NO_PERMISSION = 16;
    public static final int TOPIC_NOT_EXIST = 17;
    public static final int NO_BUYER_ID = 204;
    public static final int NOT_IN_CURRENT_UNIT = 205;
    /** A RocketMQ 5 proxy that is shutting down answers this; the request may go again on a new connection. */
    public static final int GO_AWAY = 1500;

    private ResponseCode() {
    }

    /**
     * Whether the answer says the request was larger than the broker stores: MESSAGE_ILLEGAL, or, as RocketMQ 5.5
     * answers an oversized batch, SYSTEM_ERROR "... message body size exceeded". Sending the same again cannot help.
     */
    public static boolean isSizeRefusal(int code, String remark) {
        return code == MESSAGE_ILLEGAL && !isTopicTypeMismatch(code, remark)
                || code == SYSTEM_ERROR && remark != null && remark.contains("size exceeded");
    }

    /** A 5.x proxy's refusal of a message whose type (normal, FIFO, delay, transaction) the topic does not take. */
    public static boolean isTopicTypeMismatch(int code, String remark) {
        return code == MESSAGE_ILLEGAL && remark != null && remark.startsWith("TopicMessageType validate failed");
    }

    /**
     * A RocketMQ 4.x broker with {@code aclEnable=true} answers a wrong signature, an unknown access key or missing
     * credentials with SYSTEM_ERROR and the {@code AclException} in the remark (5.x answers NO_PERMISSION).
     */
    public static boolean isAclRefusal(int code, String remark) {
        return code == SYSTEM_ERROR && remark != null && remark.contains("AclException");
    }
}
