package io.mqproducer.testing;

import io.mqproducer.internal.codec.FrameCodec;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.codec.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A loopback server whose behaviour per accepted connection is scripted by a test. */
public final class FakeServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    public interface Script {
        void run(DataInputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    public FakeServer(Script script) throws IOException {
        this(script, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** A server on the given (e.g. TLS) socket. */
    public FakeServer(Script script, ServerSocket listening) {
        server = listening;
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    sockets.add(socket);
                    Thread worker = new Thread(() -> {
                        try {
                            script.run(new DataInputStream(socket.getInputStream()), socket.getOutputStream());
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    }, "fake-server-conn");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Reads one whole frame (without its length prefix). */
    public static byte[] readFrame(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }

    /** A script that answers every request frame with what {@code answer} returns (null: no answer). */
    public static Script answering(java.util.function.Function<RemotingCommand, RemotingCommand> answer) {
        return (in, out) -> {
            while (true) {
                RemotingCommand request = FrameCodec.decode(Unpooled.wrappedBuffer(readFrame(in)));
                RemotingCommand response = answer.apply(request);
                if (response != null) {
                    out.write(encode(response));
                    out.flush();
                }
            }
        };
    }

    /**
     * A script for a scripted broker: heartbeats and unregistrations are acknowledged, every other request goes to
     * {@code answer}.
     */
    public static Script broker(java.util.function.Function<RemotingCommand, RemotingCommand> answer) {
        return answering(request -> request.code() == io.mqproducer.internal.protocol.RequestCode.HEART_BEAT
                || request.code() == io.mqproducer.internal.protocol.RequestCode.UNREGISTER_CLIENT
                ? RemotingCommand.responseTo(request, 0, null) : answer.apply(request));
    }

    /** One whole frame, length prefix included. */
    public static byte[] encode(RemotingCommand command) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(command, HeaderFormat.BINARY, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
