package io.mqproducer.internal.transport;

import io.mqproducer.internal.codec.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Splits the byte stream at the length prefix and decodes each frame into a RemotingCommand. */
final class RemotingFrameDecoder extends LengthFieldBasedFrameDecoder {

    RemotingFrameDecoder() {
        super(FrameCodec.MAX_FRAME_LENGTH, 0, 4, 0, 4);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return FrameCodec.decode(frame);
        } finally {
            frame.release();
        }
    }
}
