package io.mqproducer.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension behind {@link EmbeddedRocketMQTest}: one {@link EmbeddedRocketMQ} per test class, kept in
 * the class's extension store, closed after all its tests, and injected into parameters of that type.
 */
public final class EmbeddedRocketMQExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmbeddedRocketMQExtension.class);
    private static final String KEY = "embedded-rocketmq";

    @Override
    public void beforeAll(ExtensionContext context) {
        // Start here so that start-up time shows up in the class set-up, not in the first test.
        instance(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // remove() only sees this class's own store: a @Nested class leaves its enclosing class's broker running.
        EmbeddedRocketMQ own = context.getStore(NAMESPACE).remove(KEY, EmbeddedRocketMQ.class);
        if (own != null) {
            own.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedRocketMQ.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // With a per-class test instance the constructor is resolved before beforeAll runs, so start lazily too.
        return instance(extensionContext);
    }

    private static EmbeddedRocketMQ instance(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        // The store looks in enclosing classes' stores first, so nested classes reuse their parent's broker.
        return classContext.getStore(NAMESPACE).computeIfAbsent(KEY, key -> start(classContext),
                EmbeddedRocketMQ.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static EmbeddedRocketMQ start(ExtensionContext classContext) {
        boolean autoCreateTopics = settings(classContext.getTestClass().orElse(null))
                .map(EmbeddedRocketMQTest::autoCreateTopics)
                .orElse(true);
        return EmbeddedRocketMQ.builder().autoCreateTopics(autoCreateTopics).start();
    }

    private static Optional<EmbeddedRocketMQTest> settings(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<EmbeddedRocketMQTest> found = AnnotationSupport.findAnnotation(type, EmbeddedRocketMQTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
