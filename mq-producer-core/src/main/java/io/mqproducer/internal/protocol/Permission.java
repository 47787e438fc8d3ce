package io.mqproducer.internal.protocol;

/** Topic/broker permission bits as the name server reports them. */
public final class Permission {
    public static final int WRITE = 1 << 1;
    public static final int READ = 1 << 2;

    private Permission() {
    }

    public static boolean isWritable(int perm) {
        return (perm & WRITE) == WRITE;
    }
}
