package io.mqproducer.internal.auth;

import io.mqproducer.Credentials;
import io.mqproducer.internal.codec.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as RocketMQ's ACL expects: the header fields plus {@code AccessKey} (and
 * {@code SecurityToken}) are sorted by name, their values concatenated and followed by the body; the HMAC-SHA1
 * of that, Base64-encoded, goes in the {@code Signature} field. One instance per channel: a Mac is not
 * thread-safe.
 */
public final class RequestSigner {
    static final String ACCESS_KEY = "AccessKey";
    static final String SECURITY_TOKEN = "SecurityToken";
    static final String SIGNATURE = "Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private final Credentials credentials;
    private final Mac mac;

    public RequestSigner(Credentials credentials) {
        this.credentials = credentials;
        try {
            this.mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(credentials.secretKey().getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** The request with credentials and signature fields added. */
    public RemotingCommand sign(RemotingCommand request) {
        Map<String, String> fields = new HashMap<>(request.extFields());
        fields.put(ACCESS_KEY, credentials.accessKey());
        if (credentials.securityToken() != null) {
            fields.put(SECURITY_TOKEN, credentials.securityToken());
        }
        fields.remove(SIGNATURE);
        StringBuilder content = new StringBuilder(256);
        for (String value : new TreeMap<>(fields).values()) {
            if (value != null) {
                content.append(value);
            }
        }
        mac.update(content.toString().getBytes(StandardCharsets.UTF_8));
        byte[] body = request.body(); // once: a written body is materialized on every call
        if (body != null) {
            mac.update(body);
        }
        fields.put(SIGNATURE, Base64.getEncoder().encodeToString(mac.doFinal()));
        return new RemotingCommand(request.code(), request.flag(), request.opaque(), request.version(),
                request.language(), request.remark(), fields, body);
    }
}
