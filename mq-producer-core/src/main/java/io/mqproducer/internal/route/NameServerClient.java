package io.mqproducer.internal.route;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.NameServerUnavailableException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.internal.codec.CodecException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.codec.TopicRouteParser;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.protocol.TopicRouteData;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.transport.FailureReasons;
import io.mqproducer.internal.transport.RemotingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks name servers for topic routes. Sticks to one name server while it answers and moves on to the next
 * one when it cannot be reached, does not answer in time, or does not know the topic (a name server that has just
 * restarted knows nothing until the brokers register again, while another may still know the route).
 */
public final class NameServerClient {
    private final RemotingClient client;
    private final List<String> addresses;
    private final AtomicInteger current;
    private final long requestTimeoutMillis;
    private final long lastTimeoutMillis;
    private final OperatorLog operatorLog;

    /**
     * @param requestTimeoutMillis how long a name server may take while another one is left to ask
     * @param lastTimeoutMillis    how long the last one left may take (it has no one to fail over to; a first
     *                             request, which also connects and warms up, may take a while)
     * @param operatorLog          told about failovers and about no name server answering
     */
    public NameServerClient(RemotingClient client, List<String> addresses, long requestTimeoutMillis,
                            long lastTimeoutMillis, OperatorLog operatorLog) {
        this.client = client;
        this.addresses = List.copyOf(addresses);
        this.current = new AtomicInteger(ThreadLocalRandom.current().nextInt(addresses.size()));
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.lastTimeoutMillis = lastTimeoutMillis;
        this.operatorLog = operatorLog;
    }

    /**
     * The route of {@code topic}; fails with TopicRouteNotFoundException when no name server that answered knows it,
     * with NameServerUnavailableException when none answered.
     */
    public CompletableFuture<TopicRouteData> fetchRoute(String topic) {
        CompletableFuture<TopicRouteData> result = new CompletableFuture<>();
        attempt(topic, current.get(), 0, new Outcomes(), result);
        return result;
    }

    /**
     * Whether the name servers know no broker at all (asked all at once): true when at least one answered and
     * none listed a broker, as after a restart before the brokers registered again.
     */
    public CompletableFuture<Boolean> knowNoBroker() {
        List<CompletableFuture<Integer>> counts = new ArrayList<>(addresses.size());
        for (String address : addresses) {
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, client.nextOpaque(),
                    Map.of(), null);
            counts.add(client.invoke(address, request, requestTimeoutMillis).handle((response, error) ->
                    error != null || response.code() != ResponseCode.SUCCESS ? -1 : brokers(response)));
        }
        return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Integer> answered = counts.stream().map(CompletableFuture::join).filter(n -> n >= 0).toList();
            return !answered.isEmpty() && answered.stream().allMatch(n -> n == 0);
        });
    }

    /** The name server addresses, for diagnostics. */
    public List<String> addresses() {
        return addresses;
    }

    /** What the name servers asked so far answered: not found, or nothing. */
    private static final class Outcomes {
        final List<Throwable> unreachable = new ArrayList<>();
        TopicRouteNotFoundException notFound;
    }

    private void attempt(String topic, int index, int tried, Outcomes outcomes,
                         CompletableFuture<TopicRouteData> result) {
        String address = addresses.get(Math.floorMod(index, addresses.size()));
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, client.nextOpaque(),
                Map.of("topic", topic), null);
        long timeoutMillis = tried + 1 < addresses.size() ? requestTimeoutMillis : lastTimeoutMillis;
        client.invoke(address, request, timeoutMillis).whenComplete((response, error) -> {
            if (error == null) {
                try {
                    TopicRouteData route = interpret(topic, address, response);
                    current.set(Math.floorMod(index, addresses.size())); // stick to the one that knows
                    result.complete(route);
                } catch (TopicRouteNotFoundException e) {
                    outcomes.notFound = e;
                    next(topic, index, tried, outcomes, result);
                } catch (ProducerException e) {
                    result.completeExceptionally(e);
                }
                return;
            }
            if (!(error instanceof BrokerUnavailableException || error instanceof RequestTimeoutException)) {
                result.completeExceptionally(error);
                return;
            }
            outcomes.unreachable.add(error);
            String next = addresses.get(Math.floorMod(index + 1, addresses.size()));
            if (current.compareAndSet(Math.floorMod(index, addresses.size()), Math.floorMod(index + 1, addresses.size()))
                    && !next.equals(address)) {
                operatorLog.warn("failover:" + address, "name server " + address + " did not answer ("
                        + FailureReasons.describe(error) + "); switching to " + next);
            }
            next(topic, index, tried, outcomes, result);
        });
    }

    private void next(String topic, int index, int tried, Outcomes outcomes, CompletableFuture<TopicRouteData> result) {
        if (tried + 1 < addresses.size()) {
            attempt(topic, index + 1, tried + 1, outcomes, result);
        } else if (outcomes.notFound != null) {
            outcomes.unreachable.forEach(outcomes.notFound::addSuppressed);
            result.completeExceptionally(outcomes.notFound);
        } else {
            result.completeExceptionally(unreachable(topic, outcomes.unreachable));
        }
    }

    private static TopicRouteData interpret(String topic, String address, RemotingCommand response) {
        switch (response.code()) {
            case ResponseCode.SUCCESS:
                try {
                    return TopicRouteParser.parse(response.body());
                } catch (CodecException e) {
                    throw new ProtocolException("name server " + address + " sent an unreadable route for topic "
                            + topic + ": " + e.getMessage(), e);
                }
            case ResponseCode.TOPIC_NOT_EXIST:
                throw new TopicRouteNotFoundException("no route for topic " + topic + " on name server " + address);
            default:
                throw new ProtocolException("name server " + address + " answered route request for topic " + topic
                        + " with code " + response.code() + (response.remark() == null ? "" : ": " + response.remark()));
        }
    }

    private static int brokers(RemotingCommand response) {
        try {
            return TopicRouteParser.registeredBrokers(response.body());
        } catch (CodecException e) {
            return -1; // unreadable: counts as no answer
        }
    }

    private ProducerException unreachable(String topic, List<Throwable> failures) {
        ProducerException error = new NameServerUnavailableException("no name server answered the route request for "
                + "topic " + topic + " (tried " + addresses + ")", failures.get(failures.size() - 1));
        operatorLog.warn("nameservers-down", "no name server answered (tried " + addresses + ", last: "
                + FailureReasons.describe(error) + "); cached routes stay in use while their brokers answer");
        failures.subList(0, failures.size() - 1).forEach(error::addSuppressed);
        return error;
    }
}
