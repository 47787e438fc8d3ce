package io.mqproducer.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Credentials;
import io.mqproducer.internal.codec.FrameCodec;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.AclUtils;
import org.apache.rocketmq.auth.authentication.builder.DefaultAuthenticationContextBuilder;
import org.apache.rocketmq.auth.authentication.context.DefaultAuthenticationContext;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.Test;

/** Our signature must equal the one RocketMQ's own client computes for the same request. */
class RequestSignerTest {

    private static Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("a", "group");
        fields.put("b", "Topic");
        fields.put("e", "3");
        fields.put("i", "TAGS\u0001x\u0002UNIQ_KEY\u0001ABC\u0002");
        return fields;
    }

    private static String officialSignature(Credentials credentials, Map<String, String> fields, byte[] body) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand official =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(310, null);
        fields.forEach(official::addExtField);
        official.setBody(body);
        SessionCredentials session = credentials.securityToken() == null
                ? new SessionCredentials(credentials.accessKey(), credentials.secretKey())
                : new SessionCredentials(credentials.accessKey(), credentials.secretKey(), credentials.securityToken());
        new AclClientRPCHook(session).doBeforeRequest("127.0.0.1:10911", official);
        return official.getExtFields().get(RequestSigner.SIGNATURE);
    }

    @Test
    void signsLikeTheOfficialClient() {
        Credentials credentials = Credentials.of("myAccessKey", "mySecretKey");
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        RemotingCommand signed = new RequestSigner(credentials).sign(RemotingCommand.request(310, 1, fields(), body));
        assertThat(signed.extField(RequestSigner.ACCESS_KEY)).isEqualTo("myAccessKey");
        assertThat(signed.extField(RequestSigner.SIGNATURE)).isEqualTo(officialSignature(credentials, fields(), body));
        assertThat(signed.extFields().values()).doesNotContain("mySecretKey");
    }

    @Test
    void signsWithSecurityTokenAndWithoutBodyLikeTheOfficialClient() {
        Credentials credentials = new Credentials("ak", "sk", "token");
        RemotingCommand signed = new RequestSigner(credentials).sign(RemotingCommand.request(105, 1, Map.of("topic", "T"), null));
        assertThat(signed.extField(RequestSigner.SECURITY_TOKEN)).isEqualTo("token");
        assertThat(signed.extField(RequestSigner.SIGNATURE))
                .isEqualTo(officialSignature(credentials, Map.of("topic", "T"), null));
    }

    /** Encodes {@code signed} as a frame and lets the broker's own authentication code check its signature. */
    private static boolean brokerAccepts(RemotingCommand signed, HeaderFormat format, String secretKey) throws Exception {
        ByteBuf frame = Unpooled.buffer();
        FrameCodec.encode(signed, format, frame);
        frame.skipBytes(4); // the length prefix, which the broker's frame decoder strips
        org.apache.rocketmq.remoting.protocol.RemotingCommand received =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(frame);
        ChannelHandlerContext channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter()).pipeline().firstContext();
        DefaultAuthenticationContext context = new DefaultAuthenticationContextBuilder().build(channel, received);
        return context.getSignature().equals(AclUtils.calSignature(context.getContent(), secretKey));
    }

    @Test
    void anEmptyFieldValueSignsAsTheBrokerChecksIt() throws Exception {
        Map<String, String> fields = fields();
        fields.put("i", ""); // a batch request without batch-wide properties
        RemotingCommand signed = new RequestSigner(Credentials.of("ak", "sk"))
                .sign(RemotingCommand.request(320, 1, fields, "members".getBytes(StandardCharsets.UTF_8)));
        assertThat(brokerAccepts(signed, HeaderFormat.BINARY, "sk")).as("binary header").isTrue();
        assertThat(brokerAccepts(signed, HeaderFormat.JSON, "sk")).as("JSON header").isTrue();
        assertThat(brokerAccepts(signed, HeaderFormat.BINARY, "other")).as("a wrong secret fails").isFalse();
    }

    @Test
    void differentSecretsGiveDifferentSignatures() {
        RemotingCommand request = RemotingCommand.request(310, 1, fields(), new byte[] {1});
        assertThat(new RequestSigner(Credentials.of("ak", "one")).sign(request).extField(RequestSigner.SIGNATURE))
                .isNotEqualTo(new RequestSigner(Credentials.of("ak", "two")).sign(request).extField(RequestSigner.SIGNATURE));
        assertThat(Credentials.of("ak", "secret").toString()).doesNotContain("secret}").contains("****");
    }
}
