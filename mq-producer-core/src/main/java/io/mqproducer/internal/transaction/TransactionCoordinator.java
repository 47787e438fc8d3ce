package io.mqproducer.internal.transaction;

import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.LocalTransactionFailedException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.SysFlag;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.send.SendPath;
import io.mqproducer.internal.trace.MessageTracer;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.message.Message;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional send: store a half message, run the local transaction, then tell the broker to commit or
 * roll back. When the local transaction cannot decide (or the producer dies), the broker asks the checker.
 */
public final class TransactionCoordinator {
    private static final Logger log = LoggerFactory.getLogger(TransactionCoordinator.class);

    private final SendPath sendPath;
    private final TopicRouteCache routes;
    private final RemotingClient client;
    private final Namespace namespace;
    private final String wireGroup;
    private final long timeoutMillis;
    private final TransactionDecisions decisions;
    private final boolean hasChecker;
    private final AtomicBoolean warnedNoChecker = new AtomicBoolean();
    private final MessageTracer tracer;

    public TransactionCoordinator(SendPath sendPath, TopicRouteCache routes, RemotingClient client,
                                  Namespace namespace, String wireGroup, long timeoutMillis,
                                  TransactionDecisions decisions, boolean hasChecker, MessageTracer tracer) {
        this.tracer = tracer;
        this.decisions = decisions;
        this.hasChecker = hasChecker;
        this.sendPath = sendPath;
        this.routes = routes;
        this.client = client;
        this.namespace = namespace;
        this.wireGroup = wireGroup;
        this.timeoutMillis = timeoutMillis;
    }

    /** A store for the decisions of one producer, shared by its coordinator and its check-back handler. */
    public static TransactionDecisions newDecisions() {
        return new TransactionDecisions(System::currentTimeMillis);
    }

    /** Sends the half message; completes when the broker stored it. */
    public CompletableFuture<SendResult> sendHalf(Message message) {
        if (!hasChecker && warnedNoChecker.compareAndSet(false, true)) {
            log.warn("transactional send from producer group {} without a transaction checker: when the broker asks "
                    + "about a transaction this producer did not decide (UNKNOWN, a failed local transaction, a "
                    + "restart), no one will answer and it is rolled back after the broker's last check", wireGroup);
        }
        if (message != null && message.isDelayed()) {
            return CompletableFuture.failedFuture(new InvalidMessageException(
                    "transactional messages cannot be delayed"));
        }
        if (message != null && message.hasPriority()) {
            return CompletableFuture.failedFuture(new InvalidMessageException(
                    "transactional messages cannot have a priority"));
        }
        return sendPath.sendWithSystemProperties(message, Map.of(MessageProperty.TRANSACTION_PREPARED, "true",
                MessageProperty.PRODUCER_GROUP, wireGroup), SysFlag.TRANSACTION_PREPARED);
    }

    /**
     * Runs the local transaction for a stored half message and sends its outcome. A half message the broker did
     * not store fully is rolled back without running the local transaction.
     */
    public CompletableFuture<TransactionResult> complete(Message message, SendResult half,
                                                         Function<Message, TransactionState> localTransaction) {
        TransactionState state;
        RuntimeException localFailure = null;
        if (half.status() != SendStatus.SEND_OK) {
            state = TransactionState.ROLLBACK;
        } else {
            try {
                state = localTransaction.apply(message);
                if (state == null) {
                    state = TransactionState.UNKNOWN;
                }
            } catch (RuntimeException e) {
                state = TransactionState.UNKNOWN;
                localFailure = e;
            }
        }
        TransactionState decided = state;
        RuntimeException failure = localFailure;
        return end(half, decided).thenApply(ignored -> {
            tracer.endTransaction(message, half, decided);
            if (failure != null) {
                throw new LocalTransactionFailedException("local transaction failed; the half message stays undecided "
                        + "and the broker will ask the transaction checker", failure);
            }
            return new TransactionResult(half, decided);
        });
    }

    private CompletableFuture<Void> end(SendResult half, TransactionState state) {
        String wireTopic = namespace.wrap(half.queue().topic());
        return routes.publishInfo(wireTopic).thenCompose(table -> {
            String address = table.masterAddress(half.queue().brokerName());
            if (address == null) {
                throw new io.mqproducer.error.BrokerUnavailableException("broker " + half.queue().brokerName()
                        + " that stored the half message has no master now");
            }
            decisions.record(half.messageId(), state);
            return client.invokeOneway(address, EndTransactionRequests.build(client.nextOpaque(), wireGroup, wireTopic,
                    half.queue().brokerName(), half.queueOffset(), EndTransactionRequests.commitLogOffset(half.offsetMessageId()), state, false,
                    half.messageId(), half.messageId()), timeoutMillis);
        }).exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }
}
