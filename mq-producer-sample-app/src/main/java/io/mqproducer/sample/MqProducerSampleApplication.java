package io.mqproducer.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Sample application: sends HTTP request bodies to RocketMQ through the auto-configured {@code ProducerTemplate}. */
@SpringBootApplication
public class MqProducerSampleApplication {

    /** Starts the sample. */
    public static void main(String[] args) {
        SpringApplication.run(MqProducerSampleApplication.class, args);
    }
}
