package io.mqproducer.sample;

import io.mqproducer.SendResult;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.spring.ProducerOperations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /messages/{topic}}: sends the request body (with optional {@code tag} and {@code key}) and returns the broker's answer. */
@RestController
public class MessageController {
    private static final Logger log = LoggerFactory.getLogger(MessageController.class);

    private final ProducerOperations producer;

    /** A controller sending through {@code producer}. */
    public MessageController(ProducerOperations producer) {
        this.producer = producer;
    }

    /**
     * Sends the body as is; the request's {@code Content-Type} goes along as the {@code contentType} user property.
     *
     * @param topic       the topic
     * @param tag         optional tag consumers can filter on
     * @param key         optional business key the broker indexes
     * @param contentType the request's content type, if any
     * @param body        the message body
     * @return what the broker reported
     */
    @PostMapping("/messages/{topic}")
    public SendResult send(@PathVariable String topic, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String key,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody byte[] body) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(body);
        if (contentType != null) {
            message.setHeader(MessageHeaders.CONTENT_TYPE, contentType);
        }
        String destination = tag == null || tag.isBlank() ? topic : topic + ":" + tag;
        return producer.send(destination, message.build(), key == null || key.isBlank() ? List.of() : List.of(key));
    }

    /** A message the rules reject is the client's fault. */
    @ExceptionHandler(InvalidMessageException.class)
    public ProblemDetail invalid(InvalidMessageException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Anything else (no broker, timeout, rejection) means the messaging system is not available right now. */
    @ExceptionHandler(ProducerException.class)
    public ProblemDetail unavailable(ProducerException e) {
        log.warn("send failed: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setProperty("retriable", e.isRetriable());
        return problem;
    }
}
