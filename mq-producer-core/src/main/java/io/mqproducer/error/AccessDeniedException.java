package io.mqproducer.error;

/**
 * The broker refused the request's credentials (unknown access key, wrong signature) or their permissions.
 * A configuration problem, so not retried. Never carries the secret key.
 */
public class AccessDeniedException extends BrokerRejectedException {
    public AccessDeniedException(String brokerName, int code, String remark) {
        super(brokerName, code, remark, false);
    }

    private AccessDeniedException(AccessDeniedException original) {
        super(original);
    }

    @Override
    public AccessDeniedException copyForRethrow() {
        return new AccessDeniedException(this);
    }
}
