package io.mqproducer.test;

import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.BrokerRole;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * Everything needed to configure one embedded broker: a single master on the loopback address, small files and few
 * threads so that a test JVM can run several of them.
 *
 * <p>Each method returns a new config object because RocketMQ mutates them while running, and a restarted broker
 * must start from the same values.
 */
record BrokerSetup(String clusterName, String brokerName, boolean autoCreateTopics, String nameServerAddress,
        BrokerPorts ports, StoreDirectory directory, BrokerSecurity security, boolean fullSizeStore,
        int maxMessageSize, boolean recallEnabled) {

    static final String HOST = "127.0.0.1";

    private static final int MIB = 1024 * 1024;
    /** RocketMQ's consume queue entry: commit log offset (8), size (4), tag hash code (8). */
    private static final int CONSUME_QUEUE_UNIT = 20;
    /** RocketMQ's batch consume queue entry size. */
    private static final int BATCH_CONSUME_QUEUE_UNIT = 46;
    private static final int QUEUE_ENTRIES_PER_FILE = 10_000;
    private static final int FEW_THREADS = 2;

    String brokerAddress() {
        return HOST + ":" + ports.listen();
    }

    BrokerConfig brokerConfig() {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerClusterName(clusterName);
        config.setBrokerName(brokerName);
        config.setBrokerId(MixAll.MASTER_ID);
        config.setBrokerIP1(HOST);
        config.setBrokerIP2(HOST);
        config.setListenPort(ports.listen());
        config.setNamesrvAddr(nameServerAddress);
        config.setAutoCreateTopicEnable(autoCreateTopics);
        config.setAutoCreateSubscriptionGroup(true);
        // Keep RocketMQ from reading or writing files under the user's home directory.
        config.setRocketmqHome(directory.root().toString());
        config.setBrokerConfigPath(directory.file("broker", "config", "broker.properties"));
        // A test broker should answer slowly rather than reject sends as "system busy" on a loaded CI machine.
        config.setBrokerFastFailureEnable(false);
        // One revive queue instead of eight, scanned in short rounds: each revive thread delays shutdown until its
        // current round ends.
        config.setReviveQueueNum(1);
        config.setReviveInterval(200);
        config.setReviveScanTime(1_000);
        // Ask producers about undecided transactions after 1 s, checking every 2 s, instead of 6 s and 30 s; and
        // record commit/rollback decisions within 100 ms instead of batching them for 3 s, or a decided message
        // would look undecided to the next check and be asked about (and committed) again.
        config.setTransactionTimeOut(1_000);
        config.setTransactionCheckInterval(2_000);
        config.setTransactionOpBatchInterval(100);
        // RocketMQ ships with recall off; the default answer to a recall is NO_PERMISSION.
        config.setRecallMessageEnable(recallEnabled);
        limitThreads(config);
        return config;
    }

    NettyServerConfig serverConfig() {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress(HOST);
        config.setListenPort(ports.listen());
        config.setServerSelectorThreads(1);
        config.setServerWorkerThreads(FEW_THREADS);
        config.setServerCallbackExecutorThreads(1);
        return config;
    }

    /** The broker's own client, which registers it with the name server. */
    NettyClientConfig clientConfig() {
        NettyClientConfig config = new NettyClientConfig();
        config.setClientWorkerThreads(1);
        config.setClientCallbackExecutorThreads(1);
        return config;
    }

    MessageStoreConfig storeConfig() {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(directory.directory("broker", "store"));
        config.setStorePathCommitLog(directory.directory("broker", "store", "commitlog"));
        config.setStorePathEpochFile(directory.file("broker", "store", "EpochFileCheckpoint"));
        config.setStorePathBrokerIdentity(directory.file("broker", "store", "brokerIdentity"));
        config.setStorePathDLedgerCommitLog(directory.file("broker", "store", "dledger-commitlog"));
        config.setBrokerRole(BrokerRole.ASYNC_MASTER);
        config.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        config.setHaListenPort(ports.ha());
        if (!fullSizeStore) {
            shrinkFiles(config);
        }
        if (maxMessageSize > 0) {
            config.setMaxMessageSize(maxMessageSize);
        }
        // The defaults start deleting commit logs at 75 % disk use and refuse writes at 90 %; a test broker should not.
        config.setDiskMaxUsedSpaceRatio(95);
        config.setDiskSpaceCleanForciblyRatio(98);
        config.setDiskSpaceWarningLevelRatio(99);
        // A long GC pause on a busy CI machine must not turn into an "OS page cache busy" rejection.
        config.setOsPageCacheBusyTimeOutMills(5_000);
        config.setTimerGetMessageThreadNum(1);
        config.setTimerPutMessageThreadNum(1);
        return config;
    }

    private static void shrinkFiles(MessageStoreConfig config) {
        config.setMappedFileSizeCommitLog(16 * MIB);
        config.setMappedFileSizeConsumeQueue(CONSUME_QUEUE_UNIT * QUEUE_ENTRIES_PER_FILE);
        config.setMapperFileSizeBatchConsumeQueue(BATCH_CONSUME_QUEUE_UNIT * QUEUE_ENTRIES_PER_FILE);
        config.setMappedFileSizeTimerLog(4 * MIB);
        config.setMaxHashSlotNum(10_000);
        config.setMaxIndexNum(40_000);
    }

    private static void limitThreads(BrokerConfig config) {
        config.setSendMessageThreadPoolNums(FEW_THREADS);
        config.setPutMessageFutureThreadPoolNums(FEW_THREADS);
        config.setPullMessageThreadPoolNums(FEW_THREADS);
        config.setLitePullMessageThreadPoolNums(FEW_THREADS);
        config.setAckMessageThreadPoolNums(FEW_THREADS);
        config.setProcessReplyMessageThreadPoolNums(FEW_THREADS);
        config.setQueryMessageThreadPoolNums(FEW_THREADS);
        config.setAdminBrokerThreadPoolNums(FEW_THREADS);
        config.setClientManageThreadPoolNums(FEW_THREADS);
        config.setConsumerManageThreadPoolNums(FEW_THREADS);
        config.setHeartbeatThreadPoolNums(FEW_THREADS);
        config.setEndTransactionThreadPoolNums(FEW_THREADS);
        config.setLoadBalanceProcessorThreadPoolNums(FEW_THREADS);
        config.setRecoverThreadPoolNums(FEW_THREADS);
    }
}
