package io.mqproducer.internal.transport;

import io.mqproducer.internal.auth.RequestSigner;
import io.mqproducer.internal.codec.FrameCodec;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link RemotingCommand}s as remoting frames into one right-sized pooled buffer each, signing requests
 * first when ACL credentials are set. One instance per channel (the signer is not thread-safe).
 */
final class RemotingFrameEncoder extends MessageToByteEncoder<RemotingCommand> {
    private static final int HEADER_ESTIMATE = 384;
    private final HeaderFormat format;
    private final RequestSigner signer;

    RemotingFrameEncoder(HeaderFormat format, RequestSigner signer) {
        super(RemotingCommand.class);
        this.format = format;
        this.signer = signer;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RemotingCommand msg, boolean preferDirect) {
        int size = HEADER_ESTIMATE + msg.bodyLength();
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand msg, ByteBuf out) {
        FrameCodec.encode(signer == null || msg.isResponse() ? msg : signer.sign(msg), format, out);
    }
}
