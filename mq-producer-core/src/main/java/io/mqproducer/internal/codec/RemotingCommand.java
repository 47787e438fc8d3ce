package io.mqproducer.internal.codec;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One remoting frame: a header (code, opaque, flags, remark, extension fields) and an optional body.
 * Instances are built once and then only read; the body array is shared, never copied.
 */
public final class RemotingCommand {
    /** Flag bit set on responses. */
    public static final int FLAG_RESPONSE = 1;
    /** Flag bit set on requests that expect no response. */
    public static final int FLAG_ONEWAY = 1 << 1;
    /** Protocol version we announce: RocketMQ V5_3_0's ordinal. */
    public static final int CLIENT_VERSION = 473;
    /** Language code of Java clients. */
    public static final String LANGUAGE = "JAVA";

    private final int code;
    private final int flag;
    private final int opaque;
    private final int version;
    private final String language;
    private final String remark;
    private final Map<String, String> extFields;
    private final byte[] body;
    private final BodyWriter bodyWriter;

    public RemotingCommand(int code, int flag, int opaque, int version, String language, String remark,
                           Map<String, String> extFields, byte[] body) {
        this(code, flag, opaque, version, language, remark, extFields, body, null);
    }

    private RemotingCommand(int code, int flag, int opaque, int version, String language, String remark,
                            Map<String, String> extFields, byte[] body, BodyWriter bodyWriter) {
        this.code = code;
        this.flag = flag;
        this.opaque = opaque;
        this.version = version;
        this.language = language == null ? LANGUAGE : language;
        this.remark = remark;
        this.extFields = extFields == null ? Collections.emptyMap() : extFields;
        this.body = body;
        this.bodyWriter = bodyWriter;
    }

    /** A request with the given header fields; the map is used as is and must not be changed afterwards. */
    public static RemotingCommand request(int code, int opaque, Map<String, String> extFields, byte[] body) {
        return new RemotingCommand(code, 0, opaque, CLIENT_VERSION, LANGUAGE, null, extFields, body);
    }

    /** A request whose body writes itself into the frame (see {@link BodyWriter}). */
    public static RemotingCommand requestWithWriter(int code, int opaque, Map<String, String> extFields,
                                                    BodyWriter body) {
        return new RemotingCommand(code, 0, opaque, CLIENT_VERSION, LANGUAGE, null, extFields, null, body);
    }

    /** The same request, marked as oneway. */
    public RemotingCommand asOneway() {
        return new RemotingCommand(code, flag | FLAG_ONEWAY, opaque, version, language, remark, extFields, body,
                bodyWriter);
    }

    /** A response to {@code request} with the given code and remark. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        return new RemotingCommand(code, FLAG_RESPONSE, request.opaque, CLIENT_VERSION, LANGUAGE, remark,
                new HashMap<>(), null);
    }

    public int code() {
        return code;
    }

    public int flag() {
        return flag;
    }

    public int opaque() {
        return opaque;
    }

    public int version() {
        return version;
    }

    public String language() {
        return language;
    }

    public String remark() {
        return remark;
    }

    public Map<String, String> extFields() {
        return extFields;
    }

    public String extField(String name) {
        return extFields.get(name);
    }

    /** The body; one written by a {@link BodyWriter} is materialized on each call. */
    public byte[] body() {
        return bodyWriter != null ? bodyWriter.toBytes() : body;
    }

    /** Length of the body in bytes, without materializing it. */
    public int bodyLength() {
        if (bodyWriter != null) {
            return bodyWriter.length();
        }
        return body == null ? 0 : body.length;
    }

    /** Writes the body, if any, into {@code out}. */
    public void writeBody(io.netty.buffer.ByteBuf out) {
        if (bodyWriter != null) {
            bodyWriter.writeTo(out);
        } else if (body != null) {
            out.writeBytes(body);
        }
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    @Override
    public String toString() {
        // No body and no ext-field values: they may hold user data or signatures.
        return "RemotingCommand{code=" + code + ", opaque=" + opaque + ", flag=" + flag
                + ", remark=" + remark + ", fields=" + extFields.keySet()
                + ", bodyBytes=" + bodyLength() + '}';
    }
}
