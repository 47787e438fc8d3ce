package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mqproducer.Credentials;
import io.mqproducer.ProducerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@link ProducerOptions.Builder} option is reachable from YAML, for the default producer and for a named one
 * (set there, or inherited from the top level), and every default the starter binds, or documents in its
 * configuration metadata, is the core's. Options come from the builder by reflection, so a new one fails here until it
 * has a property.
 */
class ProducerPropertiesCoverageTest {

    private static final String NAME = "extra";
    private static final String TOP = MqProducerProperties.PREFIX + ".";
    private static final String NAMED = NamedProducerSettings.prefix(NAME) + ".";

    /** Options that come from beans rather than properties, and why. */
    private static final Map<String, String> FROM_BEANS = Map.of(
            "observer", "SendObserver and ProducerSendObserverFactory beans",
            "transactionChecker", "a TransactionChecker bean",
            "tls", "the SSLContext of the SSL bundle named by ssl.bundle (MqProducerSslBundleTest)",
            "resources", "the ProducerResources bean the named producers share");

    /** The builder's options: each public setter. */
    static Stream<String> options() {
        return Arrays.stream(ProducerOptions.Builder.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getParameterCount() == 1
                        && method.getReturnType() == ProducerOptions.Builder.class)
                .map(Method::getName)
                .filter(option -> !FROM_BEANS.containsKey(option))
                .sorted(Comparator.naturalOrder());
    }

    @Test
    void findsTheBuilderOptions() {
        assertThat(options()).contains("producerGroup", "batchMaxMessages", "batchMaxBytes", "compressionLevel",
                "clientId", "credentials", "nameServer").doesNotContain("build", "observer");
    }

    @ParameterizedTest
    @MethodSource("options")
    void everyOptionIsSetByAPropertyOfTheDefaultProducer(String option) {
        Sample sample = sample(option);
        Map<String, String> properties = withNameServer();
        sample.properties().forEach((property, value) -> properties.put(TOP + property, value));

        assertThat(value(defaultProducer(properties), option)).as(TOP + sample.properties().keySet())
                .isEqualTo(sample.expected());
    }

    @ParameterizedTest
    @MethodSource("options")
    void everyOptionIsSetByAPropertyOfANamedProducer(String option) {
        Sample sample = sample(option);
        Map<String, String> properties = withNameServer();
        properties.put(NAMED + "topics", "extra-*");
        sample.properties().forEach((property, value) -> properties.put(NAMED + property, value));

        assertThat(value(namedProducer(properties), option)).as(NAMED + sample.properties().keySet())
                .isEqualTo(sample.expected());
    }

    @ParameterizedTest
    @MethodSource("options")
    void aNamedProducerInheritsEveryOptionButTheClientIdFromTheTopLevel(String option) {
        Sample sample = sample(option);
        Map<String, String> properties = withNameServer();
        properties.put(NAMED + "topics", "extra-*");
        sample.properties().forEach((property, value) -> properties.put(TOP + property, value));

        Object inherited = value(namedProducer(properties), option);
        if (option.equals("clientId")) {
            assertThat((String) inherited).as("a client id names one client").startsWith(NAME + "@");
        } else {
            assertThat(inherited).as(TOP + sample.properties().keySet()).isEqualTo(sample.expected());
        }
    }

    @ParameterizedTest
    @MethodSource("options")
    void theDefaultsAreTheCores(String option) {
        Map<String, String> properties = withNameServer();
        properties.put(NAMED + "topics", "extra-*");
        ProducerOptions core = ProducerOptions.builder("h:1").build();
        ProducerOptions top = defaultProducer(properties);
        ProducerOptions named = namedProducer(properties);

        if (option.equals("clientId")) {
            assertThat(top.clientId()).startsWith("mq-producer@").isNotEqualTo(core.clientId());
            assertThat(named.clientId()).startsWith(NAME + "@");
        } else {
            assertThat(value(top, option)).as("default of " + TOP + ProducerOptionsFactory.property(option))
                    .isEqualTo(value(core, option));
            assertThat(value(named, option)).as("default of " + NAMED + ProducerOptionsFactory.property(option))
                    .isEqualTo(value(core, option));
        }
    }

    /** The defaults in the configuration metadata (what IDEs show) are those the properties start from. */
    @Test
    void theMetadataDefaultsAreTheBoundOnes() throws IOException {
        Map<String, JsonNode> metadata = metadata();
        BeanWrapper fresh = PropertyAccessorFactory.forBeanPropertyAccess(new MqProducerProperties());
        List<String> properties = options().map(ProducerOptionsFactory::property)
                .filter(property -> !property.equals("acl"))
                .toList();
        assertThat(properties).isNotEmpty();
        for (String property : properties) {
            String path = camel(property);
            Object bound = fresh.getPropertyValue(path);
            JsonNode documented = metadata.get(TOP + property);
            assertThat(documented).as("metadata of " + TOP + property).isNotNull();
            JsonNode defaultValue = documented.get("defaultValue");
            if (bound == null) {
                assertThat(defaultValue).as(TOP + property + " has no default").isNull();
            } else {
                assertThat(defaultValue).as("documented default of " + TOP + property).isNotNull();
                Object converted = ApplicationConversionService.getSharedInstance()
                        .convert(defaultValue.asString(), fresh.getPropertyType(path));
                assertThat(converted).as("documented default of " + TOP + property).isEqualTo(bound);
            }
        }
    }

    private static ProducerOptions defaultProducer(Map<String, String> properties) {
        MqProducerProperties top = binder(properties).bindOrCreate(MqProducerProperties.PREFIX,
                MqProducerProperties.class);
        return ProducerOptionsFactory.create(top, top.getNameServer(), List.of(), List.of());
    }

    private static ProducerOptions namedProducer(Map<String, String> properties) {
        ProducerProperties effective = NamedProducerSettings.effective(NAME, binder(properties));
        return ProducerOptionsFactory.create(effective, effective.getNameServer(), List.of(), List.of());
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }

    private static Map<String, String> withNameServer() {
        Map<String, String> properties = new HashMap<>();
        properties.put(TOP + "name-server", "h:1");
        return properties;
    }

    /** The options' value of the builder option {@code option}, read through its accessor. */
    private static Object value(ProducerOptions options, String option) {
        String accessor = switch (option) {
            case "nameServer" -> "nameServers";
            case "tls" -> "tlsContext";
            default -> option;
        };
        try {
            return ProducerOptions.class.getMethod(accessor).invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("ProducerOptions has no accessor " + accessor + "() for option " + option, e);
        }
    }

    /** Properties (below a producer's prefix) setting {@code option} to a value other than its default. */
    private static Sample sample(String option) {
        String property = ProducerOptionsFactory.property(option);
        switch (option) {
            case "nameServer":
                return new Sample(Map.of(property, "other:2"), List.of("other:2"));
            case "credentials":
                return new Sample(Map.of("acl.access-key", "ak", "acl.secret-key", "sk"), Credentials.of("ak", "sk"));
            default:
                break;
        }
        Object defaultValue = value(ProducerOptions.builder("h:1").build(), option);
        BiFunction<String, Object, Sample> sample = (text, expected) -> new Sample(Map.of(property, text), expected);
        if (defaultValue instanceof Integer number) {
            return sample.apply(String.valueOf(number + 1), number + 1);
        }
        if (defaultValue instanceof Boolean flag) {
            return sample.apply(String.valueOf(!flag), !flag);
        }
        if (defaultValue instanceof Duration duration) {
            Duration other = duration.plusSeconds(1);
            return sample.apply(other.toMillis() + "ms", other);
        }
        if (defaultValue instanceof Enum<?> constant) {
            Object[] constants = constant.getDeclaringClass().getEnumConstants();
            Object other = constants[(constant.ordinal() + 1) % constants.length];
            return sample.apply(((Enum<?>) other).name(), other);
        }
        if (defaultValue instanceof String) {
            return sample.apply("sample-" + option, "sample-" + option);
        }
        return fail("no sample value for option " + option + " of default " + defaultValue
                + "; add one here, and a property to ProducerProperties");
    }

    private static String camel(String property) {
        return java.util.regex.Pattern.compile("-([a-z])").matcher(property)
                .replaceAll(match -> match.group(1).toUpperCase(java.util.Locale.ROOT));
    }

    /** The starter's generated configuration metadata, by property name. */
    private static Map<String, JsonNode> metadata() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        for (URL url : Collections.list(ProducerPropertiesCoverageTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode root = mapper.readTree(in);
                Map<String, JsonNode> byName = new HashMap<>();
                root.get("properties").forEach(node -> byName.put(node.get("name").asString(), node));
                if (byName.containsKey(TOP + "name-server")) {
                    return byName;
                }
            }
        }
        return fail("the starter's spring-configuration-metadata.json is not on the class path");
    }

    private record Sample(Map<String, String> properties, Object expected) {
    }
}
