package io.mqproducer;

/**
 * The outcome of {@link Producer#sendInTransaction}: where the half message was stored and what the local
 * transaction decided.
 *
 * @param sendResult the half message's send result
 * @param state      the local transaction's decision as sent to the broker
 */
public record TransactionResult(SendResult sendResult, TransactionState state) {
}
