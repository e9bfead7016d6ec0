package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded runtime: the real Zeebe engine, in memory, inside this JVM. It is started before the Camunda client
 * (the client bean depends on it) and listens for gRPC on {@code fulfillment.engine.port}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedZeebeEngine";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
  ZeebeTestEngine embeddedZeebeEngine(@Value("${fulfillment.engine.port}") int port,
      @Value("${fulfillment.engine.bind-address:127.0.0.1}") String bindAddress) throws java.net.UnknownHostException {
    long start = System.nanoTime();
    if (!"0.0.0.0".equals(bindAddress) && !"*".equals(bindAddress)) {
      BoundGrpcServerProvider.bindTo(java.net.InetAddress.getByName(bindAddress));
    }
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    log.warn("""

        ==============================================================================================
         EMBEDDED RUNTIME: in-memory Zeebe engine on gRPC {}:{} (started in {} ms), in-memory H2 database.
         Every order, process instance and task is LOST when the application stops, and the engine keeps
         every record in memory while it runs. For demos, development and tests only; production runs
         with the 'camunda' profile against a Camunda 8.8 cluster and MySQL (see README).
        ==============================================================================================""",
        bindAddress, port, (System.nanoTime() - start) / 1_000_000);
    return engine;
  }

  /** Makes every Camunda client bean wait for the engine, so the client never connects to a port nobody serves. */
  @Bean
  static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
    return (ConfigurableListableBeanFactory beanFactory) -> {
      for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.add(ENGINE_BEAN);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }
}
