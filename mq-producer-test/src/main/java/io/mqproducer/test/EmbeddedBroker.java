package io.mqproducer.test;

import java.util.concurrent.CompletableFuture;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;

/** One RocketMQ broker in this JVM that can be stopped and started again on the same ports and store. */
final class EmbeddedBroker {

    private final BrokerSetup setup;
    private BrokerController controller;
    private CompletableFuture<Void> stopping = CompletableFuture.completedFuture(null);

    EmbeddedBroker(BrokerSetup setup) {
        this.setup = setup;
    }

    BrokerSetup setup() {
        return setup;
    }

    synchronized boolean isRunning() {
        return controller != null;
    }

    /**
     * Starts the broker, first waiting for an earlier {@link #stop()} to finish because the new broker reuses the
     * ports and the store. Registration with the name server happens during this call.
     */
    synchronized void start() {
        if (controller != null) {
            return;
        }
        stopping.join();
        BrokerController candidate = setup.security().authentication()
                ? new BrokerController(setup.brokerConfig(), setup.serverConfig(), setup.clientConfig(),
                        setup.storeConfig(), setup.security().authConfig(setup.clusterName(), setup.directory()))
                : new BrokerController(setup.brokerConfig(), setup.serverConfig(), setup.clientConfig(),
                        setup.storeConfig());
        try {
            if (!candidate.initialize()) {
                throw new IllegalStateException("broker " + setup.brokerName() + " failed to initialize");
            }
            candidate.start();
        } catch (Exception e) {
            shutdownQuietly(candidate);
            throw new IllegalStateException("broker " + setup.brokerName() + " failed to start on "
                    + setup.brokerAddress(), e);
        }
        controller = candidate;
    }

    /**
     * Begins to stop the broker and returns at once. Its client port closes and RocketMQ unregisters it from the name
     * server within milliseconds; stopping its threads and store takes many seconds of fixed waits, which go on in the
     * background.
     *
     * @return completes once the broker has stopped completely
     */
    synchronized CompletableFuture<Void> stop() {
        if (controller != null) {
            BrokerController stoppingController = controller;
            controller = null;
            // RocketMQ would close the client port only after its "fast" port, whose shutdown waits up to 3 seconds
            // for an event thread; closing it in parallel makes the broker look down at once. Shutting the same
            // server down twice is harmless: every step of it is idempotent.
            stopping = Background.run("embedded-rocketmq-stop-" + setup.brokerName(),
                    stoppingController::shutdown,
                    () -> stoppingController.getRemotingServer().shutdown());
        }
        return stopping;
    }

    /**
     * Sends the broker's registration to the name server now. RocketMQ registers once during start, but only with name
     * servers its client has already found reachable, which it checks asynchronously; when that check loses the race
     * the next registration is 10 seconds away.
     */
    synchronized void register() {
        if (controller != null) {
            controller.registerBrokerAll(true, false, true);
        }
    }

    /** Creates or updates {@code topic} with {@code queues} read and write queues and tells the name server. */
    synchronized void createTopic(String topic, int queues) {
        if (controller == null) {
            throw new IllegalStateException("broker " + setup.brokerName() + " is stopped");
        }
        TopicConfig config = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
        controller.getTopicConfigManager().updateTopicConfig(config);
        controller.registerIncrementBrokerData(config, controller.getTopicConfigManager().getDataVersion());
    }

    private static void shutdownQuietly(BrokerController candidate) {
        try {
            candidate.shutdown();
        } catch (RuntimeException e) {
            // A broker that failed half-way may not have the services that shutdown() expects.
        }
    }
}
