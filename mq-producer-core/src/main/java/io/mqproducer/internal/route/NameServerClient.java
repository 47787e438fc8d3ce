package io.mqproducer.internal.route;

import io.mqproducer.error.BrokerUnavailableException;
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
import io.mqproducer.internal.transport.RemotingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks name servers for topic routes. Sticks to one name server while it answers and moves on to the next
 * one when it cannot be reached or does not answer in time.
 */
public final class NameServerClient {
    private final RemotingClient client;
    private final List<String> addresses;
    private final AtomicInteger current;
    private final long requestTimeoutMillis;

    public NameServerClient(RemotingClient client, List<String> addresses, long requestTimeoutMillis) {
        this.client = client;
        this.addresses = List.copyOf(addresses);
        this.current = new AtomicInteger(ThreadLocalRandom.current().nextInt(addresses.size()));
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    /** The route of {@code topic}; fails with TopicRouteNotFoundException when the name server knows none. */
    public CompletableFuture<TopicRouteData> fetchRoute(String topic) {
        CompletableFuture<TopicRouteData> result = new CompletableFuture<>();
        attempt(topic, current.get(), 0, new ArrayList<>(), result);
        return result;
    }

    /** The name server addresses, for diagnostics. */
    public List<String> addresses() {
        return addresses;
    }

    private void attempt(String topic, int index, int tried, List<Throwable> failures,
                         CompletableFuture<TopicRouteData> result) {
        String address = addresses.get(Math.floorMod(index, addresses.size()));
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, client.nextOpaque(),
                Map.of("topic", topic), null);
        client.invoke(address, request, requestTimeoutMillis).whenComplete((response, error) -> {
            if (error == null) {
                try {
                    result.complete(interpret(topic, address, response));
                } catch (ProducerException e) {
                    result.completeExceptionally(e);
                }
                return;
            }
            if (!(error instanceof BrokerUnavailableException || error instanceof RequestTimeoutException)) {
                result.completeExceptionally(error);
                return;
            }
            failures.add(error);
            if (tried + 1 < addresses.size()) {
                int next = index + 1;
                current.compareAndSet(Math.floorMod(index, addresses.size()), Math.floorMod(next, addresses.size()));
                attempt(topic, next, tried + 1, failures, result);
                return;
            }
            result.completeExceptionally(unreachable(topic, failures));
        });
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

    private ProducerException unreachable(String topic, List<Throwable> failures) {
        ProducerException error = new BrokerUnavailableException("no name server answered the route request for topic "
                + topic + " (tried " + addresses + ")", failures.get(failures.size() - 1));
        failures.subList(0, failures.size() - 1).forEach(error::addSuppressed);
        return error;
    }
}
