package io.mqproducer.internal.route;

import io.mqproducer.error.NameServerNotReadyException;
import io.mqproducer.error.TopicNotWritableException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.spi.SendObserver;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic publish tables by topic. The first demand for a topic fetches its route once, however many callers
 * wait for it; later callers get the cached snapshot without allocation. Snapshots are swapped whole on
 * refresh, and a failed refresh keeps the previous one, however long the name servers are away: the brokers, not
 * the name servers, decide whether a send succeeds (a broker that stopped answering is avoided by the selector). A
 * topic the name server does not know is routed through the auto-create template topic, so that a broker with
 * auto-create makes it on first send.
 */
public final class TopicRouteCache {
    private static final Logger log = LoggerFactory.getLogger(TopicRouteCache.class);

    private final NameServerClient nameServers;
    private final ConcurrentHashMap<String, CompletableFuture<TopicPublishInfo>> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> refreshing = new ConcurrentHashMap<>();
    private final Set<String> knownBrokers = ConcurrentHashMap.newKeySet();
    private final java.util.function.Consumer<String> newBrokerListener;
    private final OperatorLog operatorLog;
    private final SendObserver observer;

    /**
     * @param newBrokerListener told once about each broker master address that first appears in a route
     * @param operatorLog       told when a cached route changes
     */
    public TopicRouteCache(NameServerClient nameServers, java.util.function.Consumer<String> newBrokerListener,
                           OperatorLog operatorLog) {
        this(nameServers, newBrokerListener, operatorLog, SendObserver.NOOP);
    }

    /** As above, telling {@code observer} about every route fetch and fetch failure. */
    public TopicRouteCache(NameServerClient nameServers, java.util.function.Consumer<String> newBrokerListener,
                           OperatorLog operatorLog, SendObserver observer) {
        this.observer = observer;
        this.nameServers = nameServers;
        this.newBrokerListener = newBrokerListener;
        this.operatorLog = operatorLog;
    }

    /** The publish table of {@code topic}, from the cache or fetched. */
    public CompletableFuture<TopicPublishInfo> publishInfo(String topic) {
        CompletableFuture<TopicPublishInfo> cached = tables.get(topic);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<TopicPublishInfo> created = new CompletableFuture<>();
        CompletableFuture<TopicPublishInfo> raced = tables.putIfAbsent(topic, created);
        if (raced != null) {
            return raced;
        }
        load(topic).whenComplete((info, error) -> {
            if (error != null) {
                tables.remove(topic, created); // the next caller tries again
                created.completeExceptionally(unwrap(error));
            } else {
                created.complete(info);
            }
        });
        return created;
    }

    /**
     * Fetches {@code topic}'s route again in the background (once at a time); the old table serves meanwhile.
     *
     * @return completes (never exceptionally) when this refresh, or the one already under way, has finished
     */
    public CompletableFuture<Void> refresh(String topic) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> running = refreshing.putIfAbsent(topic, done);
        if (running != null) {
            return running;
        }
        load(topic).whenComplete((info, error) -> {
            TopicPublishInfo previous = cachedNow(topic);
            if (error == null && keepsRealRoute(previous, info)) {
                operatorLog.warn("route-kept:" + topic, "name servers no longer know topic " + topic + " (restarted?); "
                        + "keeping its cached route");
            } else if (error == null) {
                tables.put(topic, CompletableFuture.completedFuture(info));
                String change = previous == null ? null : RouteChanges.describe(previous, info);
                if (change != null) {
                    operatorLog.info("route:" + topic, "route of topic " + topic + " changed: " + change);
                }
            } else {
                log.debug("route refresh for topic {} failed, keeping the cached route: {}", topic, unwrap(error).toString());
            }
            refreshing.remove(topic, done);
            done.complete(null);
        });
        return done;
    }

    /** Refreshes every cached topic; called on a schedule. */
    public void refreshAll() {
        tables.forEach((topic, table) -> {
            if (table.isDone()) {
                refresh(topic);
            }
        });
    }

    /** The table cached for {@code topic} right now, or null. */
    private TopicPublishInfo cachedNow(String topic) {
        CompletableFuture<TopicPublishInfo> table = tables.get(topic);
        return table == null || !table.isDone() || table.isCompletedExceptionally() ? null : table.getNow(null);
    }

    /**
     * A real route is not given up for the template topic's: a name server that has just restarted knows the template
     * (from the first broker that registered again) before it knows the topic.
     */
    private static boolean keepsRealRoute(TopicPublishInfo previous, TopicPublishInfo fresh) {
        return previous != null && !previous.viaDefaultTopic() && fresh.viaDefaultTopic();
    }

    /** Master addresses of every broker in a cached table. */
    public Set<String> brokerAddresses() {
        Set<String> addresses = new java.util.TreeSet<>();
        tables.values().forEach(table -> {
            TopicPublishInfo info = table.getNow(null);
            if (table.isDone() && !table.isCompletedExceptionally() && info != null) {
                addresses.addAll(info.masterAddresses().values());
            }
        });
        return addresses;
    }

    /** Every cached route that has been fetched, by topic (wire name); a read-only snapshot for diagnostics. */
    public java.util.Map<String, TopicPublishInfo> snapshot() {
        java.util.Map<String, TopicPublishInfo> snapshot = new java.util.TreeMap<>();
        tables.forEach((topic, table) -> {
            TopicPublishInfo info = table.isDone() && !table.isCompletedExceptionally() ? table.getNow(null) : null;
            if (info != null) {
                snapshot.put(topic, info);
            }
        });
        return snapshot;
    }

    private CompletableFuture<TopicPublishInfo> load(String topic) {
        CompletableFuture<TopicPublishInfo> loaded = fetch(topic).thenApply(this::announceNewBrokers);
        if (observer != SendObserver.NOOP) {
            loaded.whenComplete((info, error) -> tellObserver(topic, info, error));
        }
        return loaded;
    }

    private void tellObserver(String topic, TopicPublishInfo info, Throwable error) {
        try {
            if (error == null) {
                observer.onRouteFetched(topic, info.masterAddresses().keySet());
            } else {
                observer.onRouteFetchFailed(topic, Failures.asProducerException(error));
            }
        } catch (RuntimeException e) {
            log.debug("send observer failed on the route of topic {}: {}", topic, e.toString());
        }
    }

    private TopicPublishInfo announceNewBrokers(TopicPublishInfo info) {
        for (String address : info.masterAddresses().values()) {
            if (knownBrokers.add(address)) {
                try {
                    newBrokerListener.accept(address);
                } catch (RuntimeException e) {
                    log.debug("new-broker listener failed for {}: {}", address, e.toString());
                }
            }
        }
        return info;
    }

    private CompletableFuture<TopicPublishInfo> fetch(String topic) {
        return nameServers.fetchRoute(topic)
                .thenApply(route -> usable(topic, TopicPublishInfo.from(topic, route, false, Integer.MAX_VALUE)))
                .exceptionallyCompose(error -> isMissing(error) ? viaDefaultTopic(topic)
                        : CompletableFuture.failedFuture(unwrap(error)));
    }

    /** The name servers do not know the topic (as opposed to knowing it with no writable queue). */
    private static boolean isMissing(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof TopicRouteNotFoundException && !(cause instanceof TopicNotWritableException);
    }

    private CompletableFuture<TopicPublishInfo> viaDefaultTopic(String topic) {
        return nameServers.fetchRoute(Topics.AUTO_CREATE_TEMPLATE)
                .thenApply(route -> usable(topic, TopicPublishInfo.from(topic, route, true, Topics.DEFAULT_TOPIC_QUEUE_NUMS)))
                .exceptionallyCompose(error -> isMissing(error) ? unknownTopic(topic)
                        : CompletableFuture.failedFuture(unwrap(error)));
    }

    /** Tells "the topic does not exist" from "the name servers know nothing yet", which must not advise creating it. */
    private CompletableFuture<TopicPublishInfo> unknownTopic(String topic) {
        return nameServers.knowNoBroker().handle((empty, error) -> {
            if (error == null && empty) {
                throw new NameServerNotReadyException("no route for topic " + topic + ": the name servers "
                        + nameServers.addresses() + " know no broker yet (restarted? brokers register again within "
                        + "their heartbeat interval, 30 s by default)");
            }
            throw new TopicRouteNotFoundException("topic " + topic + " does not exist and no broker offers to create "
                    + "it (auto-create is off); create the topic first");
        });
    }

    private static TopicPublishInfo usable(String topic, TopicPublishInfo info) {
        if (!info.isWritable()) {
            throw new TopicNotWritableException("topic " + topic + " has no writable queue on any broker with a "
                    + "master (write permission turned off, or masters gone)");
        }
        return info;
    }

    private static Throwable unwrap(Throwable error) {
        return Failures.unwrap(error);
    }
}
