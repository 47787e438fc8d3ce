package io.mqproducer.internal.protocol;

/** Request codes of the RocketMQ remoting protocol that a producer uses. */
public final class RequestCode {
    public static final int SEND_MESSAGE = 10;
    public static final int HEART_BEAT = 34;
    public static final int UNREGISTER_CLIENT = 35;
    public static final int END_TRANSACTION = 37;
    public static final int CHECK_TRANSACTION_STATE = 39;
    public static final int GET_ROUTEINFO_BY_TOPIC = 105;
    public static final int GET_BROKER_CLUSTER_INFO = 106;
    public static final int SEND_MESSAGE_V2 = 310;
    public static final int SEND_BATCH_MESSAGE = 320;
    /** A responder's reply (request-reply); only used here to ask whether a server serves it. */
    public static final int SEND_REPLY_MESSAGE_V2 = 325;
    /** A broker pushing a reply to the requesting client. */
    public static final int PUSH_REPLY_MESSAGE_TO_CLIENT = 326;
    public static final int RECALL_MESSAGE = 370;

    private RequestCode() {
    }
}
