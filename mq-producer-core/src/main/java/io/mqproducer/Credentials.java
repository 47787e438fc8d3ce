package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;

/**
 * RocketMQ ACL credentials: requests are signed with the secret key, which itself never goes on the wire and
 * never appears in logs, {@link #toString()} or exceptions.
 *
 * @param accessKey     the access key sent with every request
 * @param secretKey     the key requests are signed with
 * @param securityToken an optional security token (STS), or null
 */
public record Credentials(String accessKey, String secretKey, String securityToken) {

    public Credentials {
        if (accessKey == null || accessKey.isBlank()) {
            throw new InvalidOptionsException("ACL access key must not be blank");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new InvalidOptionsException("ACL secret key must not be empty");
        }
    }

    /** Credentials without a security token. */
    public static Credentials of(String accessKey, String secretKey) {
        return new Credentials(accessKey, secretKey, null);
    }

    @Override
    public String toString() {
        return "Credentials{accessKey=" + accessKey + ", secretKey=****" + (securityToken == null ? "" : ", securityToken=****")
                + '}';
    }
}
