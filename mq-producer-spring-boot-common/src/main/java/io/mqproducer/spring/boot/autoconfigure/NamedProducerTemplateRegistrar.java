package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.spring.ProducerTemplate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers the template of each {@code mq.producer.producers.<name>} as a bean {@code <name>ProducerTemplate}, taken
 * from {@link NamedProducers}. These beans are not default candidates: they are injected by name or
 * {@code @Qualifier("<name>ProducerTemplate")} only, so that injecting a {@link ProducerTemplate} by type still gets the
 * default one.
 */
final class NamedProducerTemplateRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** The bean name of the template of {@code name}. */
    static String beanName(String name) {
        return name + "ProducerTemplate";
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        BeanFactory beanFactory = (BeanFactory) registry;
        for (String name : NamedProducersCondition.names(environment)) {
            String beanName = beanName(name);
            if (registry.containsBeanDefinition(beanName)) {
                continue;
            }
            RootBeanDefinition definition = new RootBeanDefinition(ProducerTemplate.class,
                    () -> beanFactory.getBean(NamedProducers.class).template(name));
            definition.setDefaultCandidate(false);
            registry.registerBeanDefinition(beanName, definition);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Everything happens in postProcessBeanDefinitionRegistry.
    }
}
