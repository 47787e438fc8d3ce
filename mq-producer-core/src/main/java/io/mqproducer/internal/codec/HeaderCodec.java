package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;

/** Writes and reads the header part of a frame in one serialization format. */
interface HeaderCodec {

    /** Writes the header of {@code command} to {@code out} and returns the number of bytes written. */
    int write(RemotingCommand command, ByteBuf out);

    /** Reads a header of exactly {@code length} bytes and combines it with {@code body}. */
    RemotingCommand read(ByteBuf in, int length, byte[] body);
}
