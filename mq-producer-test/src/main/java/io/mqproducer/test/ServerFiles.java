package io.mqproducer.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the files servers started by {@link ServerProcess} read: a RocketMQ home with {@code conf/} (4.x servers
 * refuse to start without their logback files; 4.x ACL reads {@code plain_acl.yml} there) and one properties or JSON
 * file per server, with small stores and few threads so that a whole cluster fits a two-core machine.
 */
final class ServerFiles {

    private static final int MIB = 1024 * 1024;
    /** Consume queue entries are 20 bytes; file sizes must be a multiple of that. */
    private static final int CONSUME_QUEUE_FILE = 20 * 20_000;
    private static final String FEW_THREADS = "4";

    private static final String LOGBACK = """
            <configuration>
              <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="console"/></root>
            </configuration>
            """;

    private final Path home;

    ServerFiles(Path home) {
        this.home = home;
        for (String server : new String[] {"namesrv", "broker", "tools", "proxy"}) {
            write(home.resolve("conf").resolve("logback_" + server + ".xml"), LOGBACK);
        }
    }

    Path home() {
        return home;
    }

    /** A name server listening on {@code port}. */
    Path nameServer(String name, int port) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("listenPort", Integer.toString(port));
        properties.put("kvConfigPath", home.resolve(name).resolve("kvConfig.json").toString());
        properties.put("configStorePath", home.resolve(name).resolve("namesrv.properties").toString());
        properties.put("serverWorkerThreads", FEW_THREADS);
        return properties(name, properties);
    }

    /**
     * A broker of {@code cluster}; {@code brokerId} 0 is the master, 1 a slave replicating from it.
     *
     * @param extra further broker settings, which win over the ones chosen here
     */
    Path broker(String name, BrokerNode node, String cluster, String nameServers, boolean autoCreateTopics,
            Map<String, String> extra) {
        Path store = home.resolve(name).resolve("store");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("brokerClusterName", cluster);
        p.put("brokerName", node.brokerName());
        p.put("brokerId", Integer.toString(node.brokerId()));
        p.put("brokerRole", node.brokerId() == 0 ? "ASYNC_MASTER" : "SLAVE");
        p.put("namesrvAddr", nameServers);
        p.put("brokerIP1", BrokerSetup.HOST);
        p.put("brokerIP2", BrokerSetup.HOST);
        p.put("listenPort", Integer.toString(node.ports().listen()));
        p.put("haListenPort", Integer.toString(node.ports().ha()));
        p.put("storePathRootDir", store.toString());
        p.put("storePathCommitLog", store.resolve("commitlog").toString());
        p.put("flushDiskType", "ASYNC_FLUSH");
        p.put("autoCreateTopicEnable", Boolean.toString(autoCreateTopics));
        p.put("autoCreateSubscriptionGroup", "true");
        p.put("mappedFileSizeCommitLog", Integer.toString(16 * MIB));
        p.put("mappedFileSizeConsumeQueue", Integer.toString(CONSUME_QUEUE_FILE));
        p.put("mapperFileSizeBatchConsumeQueue", Integer.toString(46 * 20_000));
        p.put("mappedFileSizeTimerLog", Integer.toString(4 * MIB));
        p.put("maxHashSlotNum", "10000");
        p.put("maxIndexNum", "40000");
        // Build machines often have fuller disks than servers; RocketMQ refuses writes above 75 % by default.
        p.put("diskMaxUsedSpaceRatio", "95");
        p.put("diskSpaceCleanForciblyRatio", "98");
        p.put("diskSpaceWarningLevelRatio", "99");
        p.put("brokerFastFailureEnable", "false");
        p.put("osPageCacheBusyTimeOutMills", "5000");
        // A broker whose first registration raced the name server client's start registers again after this (10 s is
        // the shortest RocketMQ allows; the default is 30 s).
        p.put("registerNameServerPeriod", "10000");
        // Transaction check-back within seconds instead of a minute, so tests of it finish quickly.
        p.put("transactionTimeOut", "1000");
        p.put("transactionCheckInterval", "2000");
        p.put("transactionOpBatchInterval", "100");
        for (String pool : new String[] {"serverWorkerThreads", "sendMessageThreadPoolNums",
                "pullMessageThreadPoolNums", "litePullMessageThreadPoolNums", "queryMessageThreadPoolNums",
                "adminBrokerThreadPoolNums", "clientManageThreadPoolNums", "consumerManageThreadPoolNums",
                "heartbeatThreadPoolNums", "endTransactionThreadPoolNums", "processReplyMessageThreadPoolNums",
                "ackMessageThreadPoolNums", "putMessageFutureThreadPoolNums"}) {
            p.put(pool, FEW_THREADS);
        }
        p.put("timerGetMessageThreadNum", "1");
        p.put("timerPutMessageThreadNum", "1");
        p.putAll(extra);
        return properties(name, p);
    }

    /** A 5.x proxy in cluster mode in front of {@code cluster}. */
    Path proxy(String name, String cluster, String nameServers, int remotingPort, int grpcPort) {
        String json = "{\"rocketMQClusterName\":\"" + cluster + "\",\"namesrvAddr\":\"" + nameServers
                + "\",\"remotingListenPort\":" + remotingPort + ",\"grpcServerPort\":" + grpcPort + "}";
        Path file = home.resolve(name).resolve("rmq-proxy.json");
        write(file, json);
        return file;
    }

    /** RocketMQ 4.x ACL ("1.0"): one admin account, read by brokers started with {@code aclEnable=true}. */
    void plainAcl(String accessKey, String secretKey) {
        write(home.resolve("conf").resolve("plain_acl.yml"), """
                globalWhiteRemoteAddresses: []
                accounts:
                  - accessKey: %s
                    secretKey: %s
                    admin: true
                    defaultTopicPerm: PUB|SUB
                    defaultGroupPerm: PUB|SUB
                """.formatted(accessKey, secretKey));
    }

    private Path properties(String name, Map<String, String> properties) {
        Path file = home.resolve(name).resolve(name + ".properties");
        write(file, properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator())));
        return file;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
