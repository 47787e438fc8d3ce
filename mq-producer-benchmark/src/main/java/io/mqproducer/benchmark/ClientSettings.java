package io.mqproducer.benchmark;

import java.time.Duration;

/**
 * What both clients are configured with, so that they send the same messages under the same rules.
 *
 * @param nameServer    name server address, {@code host:port}
 * @param topic         topic every message goes to
 * @param body          body of every message; one shared array, so body creation costs neither client anything
 * @param sendTimeout   whole budget of one send, retries included
 * @param retries       retries after a failed attempt
 * @param asyncWindow   async sends outstanding at once (the benchmark bounds it; ours is also told)
 * @param binaryHeaders whether our producer uses binary headers
 * @param batchLingerMicros our producer's automatic async batching linger, 0 for off (the official client has none)
 * @param adaptiveBatching  whether our producer batches overlapping sends (the official client has no such feature)
 * @param compression   the codec both clients compress large bodies with, at level 5 (both clients' default)
 * @param shape         the topic of each message and what goes with its body
 * @param sharedResources whether our producer runs on a {@link io.mqproducer.ProducerResources} (footprint only)
 */
public record ClientSettings(String nameServer, String topic, byte[] body, Duration sendTimeout, int retries,
                             int asyncWindow, boolean binaryHeaders, int batchLingerMicros,
                             boolean adaptiveBatching, io.mqproducer.CompressionType compression,
                             MessageShape shape, io.mqproducer.ProducerResources sharedResources) {
}
