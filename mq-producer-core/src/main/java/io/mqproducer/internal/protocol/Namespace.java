package io.mqproducer.internal.protocol;

/**
 * Prefixes topics and groups with a namespace ({@code ns%name}) as RocketMQ's own client does, so several
 * tenants can share a cluster. An empty namespace changes nothing.
 */
public final class Namespace {
    private static final char SEPARATOR = '%';
    private static final String RETRY_PREFIX = "%RETRY%";
    private static final String DLQ_PREFIX = "%DLQ%";

    private final String prefix;

    public Namespace(String namespace) {
        this.prefix = namespace == null || namespace.isEmpty() ? "" : namespace + SEPARATOR;
    }

    /** The name as the broker sees it. */
    public String wrap(String name) {
        if (prefix.isEmpty() || name.startsWith(prefix)) {
            return name;
        }
        if (name.startsWith(RETRY_PREFIX)) {
            return RETRY_PREFIX + wrap(name.substring(RETRY_PREFIX.length()));
        }
        if (name.startsWith(DLQ_PREFIX)) {
            return DLQ_PREFIX + wrap(name.substring(DLQ_PREFIX.length()));
        }
        return prefix + name;
    }

    /** The name as the application knows it. */
    public String unwrap(String name) {
        return !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    public boolean isEmpty() {
        return prefix.isEmpty();
    }
}
