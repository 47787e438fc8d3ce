package io.mqproducer.internal.transaction;

import io.mqproducer.HalfMessage;
import io.mqproducer.TransactionState;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.codec.StoredMessageDecoder;
import io.mqproducer.internal.codec.StoredMessageDecoder.StoredMessage;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.trace.MessageTracer;
import io.mqproducer.internal.transport.InboundRequestHandler;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.spi.TransactionChecker;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the broker's {@code CHECK_TRANSACTION_STATE}: decodes the half message, answers with the decision this
 * producer already made if it remembers one, else asks the checker on a callback thread (never on the network
 * thread), and sends the answer back as {@code END_TRANSACTION}. Without a checker an undecided transaction is
 * answered UNKNOWN, and the broker asks again later (another producer of the group may know).
 */
public final class CheckBackHandler implements InboundRequestHandler {
    private static final Logger log = LoggerFactory.getLogger(CheckBackHandler.class);

    private final TransactionChecker checker;
    private final TransactionDecisions decisions;
    private final RemotingClient client;
    private final Executor executor;
    private final Namespace namespace;
    private final long timeoutMillis;
    private final MessageTracer tracer;

    /**
     * @param checker the application's checker, or null if it has none
     * @param decisions what {@link TransactionCoordinator} decided, shared with it
     * @param tracer    records the answers
     */
    public CheckBackHandler(TransactionChecker checker, TransactionDecisions decisions,
                            RemotingClient client, Executor executor, Namespace namespace,
                            long timeoutMillis, MessageTracer tracer) {
        this.tracer = tracer;
        this.checker = checker;
        this.decisions = decisions;
        this.client = client;
        this.executor = executor;
        this.namespace = namespace;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public RemotingCommand handle(String address, RemotingCommand request) {
        if (request.code() != RequestCode.CHECK_TRANSACTION_STATE) {
            return InboundRequestHandler.UNSUPPORTED.handle(address, request);
        }
        StoredMessage stored = StoredMessageDecoder.decode(request.body());
        executor.execute(() -> answer(address, request, stored));
        return null;
    }

    private void answer(String address, RemotingCommand request, StoredMessage stored) {
        String uniqueId = stored.properties().getOrDefault(MessageProperty.UNIQ_KEY, request.extField("msgId"));
        String transactionId = request.extField("transactionId");
        TransactionState state = decisions.lookup(transactionId);
        if (state == null) {
            state = decisions.lookup(uniqueId);
        }
        if (state == null) {
            state = askChecker(stored, uniqueId, transactionId);
        }
        String group = stored.properties().get(MessageProperty.PRODUCER_GROUP);
        RemotingCommand end = EndTransactionRequests.build(client.nextOpaque(), group, stored.topic(),
                request.extField("bname"), parseLong(request.extField("tranStateTableOffset")),
                parseLong(request.extField("commitLogOffset")), state, true, uniqueId, transactionId);
        TransactionState decided = state;
        client.invokeOneway(address, end, timeoutMillis).whenComplete((ok, error) -> {
            if (error == null) {
                tracer.checkedTransaction(namespace.unwrap(stored.topic()), stored.properties(), uniqueId,
                        transactionId, address, decided);
            } else {
                log.warn("could not answer the transaction check for message {} to {}: {}", uniqueId, address,
                        error.getMessage());
            }
        });
    }

    private TransactionState askChecker(StoredMessage stored, String uniqueId, String transactionId) {
        if (checker == null) {
            return TransactionState.UNKNOWN;
        }
        try {
            TransactionState state = checker.check(new HalfMessage(namespace.unwrap(stored.topic()), uniqueId,
                    transactionId, stored.properties(), stored.body()));
            return state == null ? TransactionState.UNKNOWN : state;
        } catch (RuntimeException e) {
            log.warn("transaction checker failed for message {}; the broker will ask again: {}", uniqueId, e.toString());
            return TransactionState.UNKNOWN;
        }
    }

    private static long parseLong(String value) {
        return value == null ? 0L : Long.parseLong(value);
    }
}
