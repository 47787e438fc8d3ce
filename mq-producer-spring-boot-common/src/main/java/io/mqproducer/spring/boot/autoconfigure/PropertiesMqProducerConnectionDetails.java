package io.mqproducer.spring.boot.autoconfigure;

/**
 * The {@link MqProducerConnectionDetails} the auto-configuration defines when the application has none: the value of
 * {@code mq.producer.name-server}, which may be unset (start-up then fails naming the property).
 */
final class PropertiesMqProducerConnectionDetails implements MqProducerConnectionDetails {
    private final MqProducerProperties properties;

    PropertiesMqProducerConnectionDetails(MqProducerProperties properties) {
        this.properties = properties;
    }

    @Override
    public String nameServer() {
        return properties.getNameServer();
    }
}
