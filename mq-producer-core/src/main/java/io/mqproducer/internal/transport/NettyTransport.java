package io.mqproducer.internal.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket implementation behind the producer's event loops: Linux's native epoll when the application has
 * Netty's native epoll library on the class path and it loads, otherwise the JDK's NIO selector. Epoll costs fewer
 * system calls and wake-ups per request (measured in the benchmark module's README). Netty's own switch
 * {@code -Dio.netty.transport.noNative=true} turns it off.
 */
enum NettyTransport {
    EPOLL, NIO;

    /** The best transport this JVM offers. */
    static NettyTransport detect() {
        return EpollSupport.available() ? EPOLL : NIO;
    }

    MultiThreadIoEventLoopGroup newGroup(int threads, String threadNamePrefix) {
        IoHandlerFactory handlers = this == EPOLL ? EpollSupport.handlerFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadNamePrefix, true), handlers);
    }

    Class<? extends SocketChannel> channelType() {
        return this == EPOLL ? EpollSupport.channelType() : NioSocketChannel.class;
    }

    /** Touches the epoll classes only once their jar is known to be there: it is an optional dependency. */
    private static final class EpollSupport {
        private static final boolean ON_CLASS_PATH = classPresent("io.netty.channel.epoll.Epoll");

        static boolean available() {
            return ON_CLASS_PATH && io.netty.channel.epoll.Epoll.isAvailable();
        }

        static IoHandlerFactory handlerFactory() {
            return io.netty.channel.epoll.EpollIoHandler.newFactory();
        }

        static Class<? extends SocketChannel> channelType() {
            return io.netty.channel.epoll.EpollSocketChannel.class;
        }

        private static boolean classPresent(String name) {
            try {
                Class.forName(name, false, NettyTransport.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
