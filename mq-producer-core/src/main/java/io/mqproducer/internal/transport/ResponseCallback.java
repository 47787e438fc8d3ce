package io.mqproducer.internal.transport;

import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.codec.RemotingCommand;

/**
 * What happens when a request ends: exactly one of the two methods is called, once, on a network thread, so
 * implementations only hand the outcome over and never block.
 */
public interface ResponseCallback {

    /** The peer's response; {@code null} for a oneway request, which ends once it is written. */
    void onResponse(RemotingCommand response);

    /** The request could not be written, was not answered in time, or its connection ended first. */
    void onFailure(ProducerException failure);
}
