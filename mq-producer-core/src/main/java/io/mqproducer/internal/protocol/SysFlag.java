package io.mqproducer.internal.protocol;

/** Bits of the message sysFlag field. */
public final class SysFlag {
    public static final int COMPRESSED = 1;
    public static final int MULTI_TAGS = 1 << 1;
    public static final int TRANSACTION_PREPARED = 1 << 2;
    public static final int TRANSACTION_COMMIT = 2 << 2;
    public static final int TRANSACTION_ROLLBACK = 3 << 2;

    private SysFlag() {
    }
}
