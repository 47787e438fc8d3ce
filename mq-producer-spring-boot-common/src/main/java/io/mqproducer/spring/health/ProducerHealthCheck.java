package io.mqproducer.spring.health;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.Producer;
import io.mqproducer.TopicRoute;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether one producer can send, independent of the Spring Boot line (each starter's {@code MqProducerHealthIndicator}
 * adapts it). DOWN only when it cannot: no topic it uses has a writable queue on a broker that answers, or it has no
 * route yet and no name server answers. A name server or broker that does not answer while sending still works leaves
 * it UP, listed under {@code degraded}. Details name each name server and broker address with {@code UP} or
 * {@code DOWN}; never credentials.
 *
 * <p>A check asks each name server and each broker of the cached routes for one cheap answer (over the producer's
 * existing connections), all at once, and waits at most {@code timeout}; its result is reused for {@code cacheTtl},
 * and concurrent checks share one probe, so frequent health calls do not multiply requests.
 */
public final class ProducerHealthCheck {
    // The probe bounds itself by the timeout; the margin only guards against a probe that does not.
    private static final long MARGIN_MILLIS = 500;

    private final Function<Duration, CompletableFuture<ConnectivityReport>> probe;
    private final Supplier<List<TopicRoute>> routes;
    private final Duration timeout;
    private final long cacheNanos;
    private final LongSupplier nanoClock;
    private final Object checking = new Object();
    private volatile Checked last;

    private record Checked(ProducerHealth health, long atNanos) {
    }

    /**
     * A check of {@code producer}.
     *
     * @param producer the producer to check
     * @param timeout  how long one check may wait for answers
     * @param cacheTtl how long a result is reused; zero checks on every call
     */
    public ProducerHealthCheck(Producer producer, Duration timeout, Duration cacheTtl) {
        this(Objects.requireNonNull(producer, "producer")::checkConnectivity, producer::routes, timeout, cacheTtl,
                System::nanoTime);
    }

    /** A check with its probe, routes and clock given (tests). */
    ProducerHealthCheck(Function<Duration, CompletableFuture<ConnectivityReport>> probe,
            Supplier<List<TopicRoute>> routes, Duration timeout, Duration cacheTtl, LongSupplier nanoClock) {
        this.probe = probe;
        this.routes = routes;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cacheNanos = Objects.requireNonNull(cacheTtl, "cacheTtl").toNanos();
        this.nanoClock = nanoClock;
    }

    /** The health of the producer: the cached result while it is fresh, else a new check. */
    public ProducerHealth health() {
        Checked fresh = fresh();
        if (fresh != null) {
            return fresh.health();
        }
        synchronized (checking) {
            fresh = fresh();
            if (fresh == null) {
                fresh = new Checked(check(), nanoClock.getAsLong());
                last = fresh;
            }
            return fresh.health();
        }
    }

    private Checked fresh() {
        Checked checked = last;
        return checked != null && nanoClock.getAsLong() - checked.atNanos() < cacheNanos ? checked : null;
    }

    private ProducerHealth check() {
        ConnectivityReport report;
        try {
            report = probe.apply(timeout).get(timeout.toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ProducerHealth.down("no connectivity report within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return ProducerHealth.down(String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProducerHealth.down("interrupted while checking connectivity");
        } catch (RuntimeException e) {
            return ProducerHealth.down(String.valueOf(e.getMessage()));
        }
        return ProducerHealthAssessment.assess(report, routes.get());
    }
}
