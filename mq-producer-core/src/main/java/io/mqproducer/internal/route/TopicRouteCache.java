package io.mqproducer.internal.route;

import io.mqproducer.error.ProducerException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.protocol.TopicRouteData;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.spi.SendObserver;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic publish tables by topic. The first demand for a topic fetches its route once, however many callers
 * wait for it; later callers get the cached snapshot without allocation. Snapshots are swapped whole on
 * refresh, and a failed refresh keeps the previous one. A topic the name server does not know is routed
 * through the auto-create template topic, so that a broker with auto-create makes it on first send.
 */
public final class TopicRouteCache {
    private static final Logger log = LoggerFactory.getLogger(TopicRouteCache.class);

    private final NameServerClient nameServers;
    private final ConcurrentHashMap<String, CompletableFuture<TopicPublishInfo>> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> refreshing = new ConcurrentHashMap<>();
    private final Set<String> knownBrokers = ConcurrentHashMap.newKeySet();
    private final java.util.function.Consumer<String> newBrokerListener;
    private final ConcurrentHashMap<String, Long> fetchedAt = new ConcurrentHashMap<>();
    private final long expiryMillis;
    private final LongSupplier clockMillis;
    private final SendObserver observer;

    /**
     * @param newBrokerListener told once about each broker master address that first appears in a route
     * @param expiryMillis      how long a route that could not be refreshed may still be used
     */
    public TopicRouteCache(NameServerClient nameServers, java.util.function.Consumer<String> newBrokerListener,
                           long expiryMillis, LongSupplier clockMillis) {
        this(nameServers, newBrokerListener, expiryMillis, clockMillis, SendObserver.NOOP);
    }

    /** As above, telling {@code observer} about every route fetch and fetch failure. */
    public TopicRouteCache(NameServerClient nameServers, java.util.function.Consumer<String> newBrokerListener,
                           long expiryMillis, LongSupplier clockMillis, SendObserver observer) {
        this.observer = observer;
        this.nameServers = nameServers;
        this.newBrokerListener = newBrokerListener;
        this.expiryMillis = expiryMillis;
        this.clockMillis = clockMillis;
    }

    /** The publish table of {@code topic}, from the cache or fetched. */
    public CompletableFuture<TopicPublishInfo> publishInfo(String topic) {
        CompletableFuture<TopicPublishInfo> cached = tables.get(topic);
        if (cached != null) {
            if (!isExpired(topic, cached)) {
                return cached;
            }
            // Not refreshed for too long (name servers unreachable): fetch before use, or fail clearly.
            tables.remove(topic, cached);
        }
        CompletableFuture<TopicPublishInfo> created = new CompletableFuture<>();
        CompletableFuture<TopicPublishInfo> raced = tables.putIfAbsent(topic, created);
        if (raced != null) {
            return raced;
        }
        Long lastFetch = fetchedAt.get(topic);
        load(topic).whenComplete((info, error) -> {
            if (error != null) {
                tables.remove(topic, created); // the next caller tries again
                created.completeExceptionally(lastFetch == null ? unwrap(error) : expired(topic, lastFetch, error));
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
            if (error == null) {
                tables.put(topic, CompletableFuture.completedFuture(info));
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
        CompletableFuture<TopicPublishInfo> loaded = fetch(topic).thenApply(info -> {
            fetchedAt.put(topic, clockMillis.getAsLong());
            return announceNewBrokers(info);
        });
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

    private boolean isExpired(String topic, CompletableFuture<TopicPublishInfo> cached) {
        Long fetched = fetchedAt.get(topic);
        return cached.isDone() && fetched != null && clockMillis.getAsLong() - fetched > expiryMillis;
    }

    private ProducerException expired(String topic, long lastFetch, Throwable error) {
        ProducerException cause = Failures.asProducerException(error);
        return new ProducerException("the cached route of topic " + topic + " expired: it could not be refreshed for "
                + (clockMillis.getAsLong() - lastFetch) / 1000 + " s (limit " + expiryMillis / 1000 + " s); last error: "
                + cause.getMessage(), cause.isRetriable(), cause);
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
                .exceptionallyCompose(error -> unwrap(error) instanceof TopicRouteNotFoundException
                        ? viaDefaultTopic(topic)
                        : CompletableFuture.failedFuture(unwrap(error)));
    }

    private CompletableFuture<TopicPublishInfo> viaDefaultTopic(String topic) {
        return nameServers.fetchRoute(Topics.AUTO_CREATE_TEMPLATE)
                .handle((TopicRouteData route, Throwable error) -> {
                    if (error != null) {
                        if (unwrap(error) instanceof TopicRouteNotFoundException) {
                            throw new TopicRouteNotFoundException("topic " + topic + " does not exist and no broker "
                                    + "offers to create it (auto-create is off); create the topic first");
                        }
                        throw new CompletionException(unwrap(error));
                    }
                    return usable(topic, TopicPublishInfo.from(topic, route, true, Topics.DEFAULT_TOPIC_QUEUE_NUMS));
                });
    }

    private static TopicPublishInfo usable(String topic, TopicPublishInfo info) {
        if (!info.isWritable()) {
            throw new TopicRouteNotFoundException("topic " + topic + " has no writable queue on any broker with a "
                    + "reachable master");
        }
        return info;
    }

    private static Throwable unwrap(Throwable error) {
        return Failures.unwrap(error);
    }
}
