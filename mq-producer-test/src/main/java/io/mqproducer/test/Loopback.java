package io.mqproducer.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Questions about TCP ports on this machine, asked by binding or connecting on the loopback address. */
final class Loopback {

    private static final int CONNECT_TIMEOUT_MILLIS = 200;

    private Loopback() {
    }

    /** A port that was free a moment ago, chosen by the operating system. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a server socket on the loopback address", e);
        }
    }

    /** True while nobody listens on {@code port}, neither on the loopback nor on the wildcard address. */
    static boolean isFree(int port) {
        if (port < 1024 || port > 65535) {
            return false;
        }
        // The broker's HA service binds the wildcard address, the remoting servers bind 127.0.0.1: check both.
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    /** True if something accepts connections on 127.0.0.1:{@code port}. */
    static boolean isAccepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
