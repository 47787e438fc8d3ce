package io.mqproducer.test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a {@link ServerProcess}'s JVM: runs a RocketMQ release's own start-up class (the first argument,
 * given the remaining arguments) and exits when stdin closes. The test JVM holds the other end of stdin, so a server
 * never outlives it, even when it is killed and no cleanup runs; the exit runs the server's shutdown hooks.
 *
 * <p>Uses nothing but the JDK, so that it runs on the class path of any RocketMQ release.
 */
final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] arguments) throws Exception {
        Thread watch = new Thread(ServerMain::exitWhenParentGoes, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(arguments[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(arguments, 1, arguments.length));
    }

    private static void exitWhenParentGoes() {
        try {
            InputStream input = System.in;
            while (input.read() >= 0) {
                // Nothing is sent on purpose; end of stream means the parent closed it or died.
            }
        } catch (IOException e) {
            // Same as end of stream.
        }
        System.exit(0);
    }
}
