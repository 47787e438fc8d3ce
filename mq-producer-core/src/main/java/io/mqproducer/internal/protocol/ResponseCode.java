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

    private ResponseCode() {
    }

    /**
     * Whether the answer says the request was larger than the broker stores: MESSAGE_ILLEGAL, or, as RocketMQ 5.5
     * answers an oversized batch, SYSTEM_ERROR "... message body size exceeded". Sending the same again cannot help.
     */
    public static boolean isSizeRefusal(int code, String remark) {
        return code == MESSAGE_ILLEGAL
                || code == SYSTEM_ERROR && remark != null && remark.contains("size exceeded");
    }
}
