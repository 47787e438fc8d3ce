package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * The remoting frame: total length(4), then serialize type(1) + header length(3), header, body.
 * The total length counts everything after itself.
 */
public final class FrameCodec {
    /** Largest frame we accept from a peer (RocketMQ's own default limit is 16 MiB). */
    public static final int MAX_FRAME_LENGTH = 16 * 1024 * 1024;
    private static final int MAX_HEADER_LENGTH = 0xFFFFFF;

    private static final HeaderCodec JSON = new JsonHeaderCodec();
    private static final HeaderCodec BINARY = new BinaryHeaderCodec();

    private FrameCodec() {
    }

    /** Writes one whole frame, length prefix included. */
    public static void encode(RemotingCommand command, HeaderFormat format, ByteBuf out) {
        int frameStart = out.writerIndex();
        out.writeInt(0);
        out.writeInt(0);
        int headerLength = codec(format).write(command, out);
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new CodecException("header of " + headerLength + " bytes exceeds the protocol limit");
        }
        command.writeBody(out);
        out.setInt(frameStart, out.writerIndex() - frameStart - 4);
        out.setInt(frameStart + 4, (format.code() << 24) | headerLength);
    }

    /** Reads a frame whose length prefix has already been consumed; {@code frame} holds exactly one frame. */
    public static RemotingCommand decode(ByteBuf frame) {
        if (frame.readableBytes() < 4) {
            throw new CodecException("frame of " + frame.readableBytes() + " bytes has no header length");
        }
        int mark = frame.readInt();
        HeaderFormat format = HeaderFormat.ofCode((mark >>> 24) & 0xFF);
        int headerLength = mark & MAX_HEADER_LENGTH;
        if (headerLength > frame.readableBytes()) {
            throw new CodecException("header length " + headerLength + " exceeds the frame ("
                    + frame.readableBytes() + " bytes left)");
        }
        int bodyLength = frame.readableBytes() - headerLength;
        byte[] body = null;
        if (bodyLength > 0) {
            body = new byte[bodyLength];
            frame.getBytes(frame.readerIndex() + headerLength, body);
        }
        ByteBuf header = frame.readSlice(headerLength);
        RemotingCommand command = codec(format).read(header, headerLength, body);
        frame.skipBytes(bodyLength);
        return command;
    }

    private static HeaderCodec codec(HeaderFormat format) {
        return format == HeaderFormat.BINARY ? BINARY : JSON;
    }
}
