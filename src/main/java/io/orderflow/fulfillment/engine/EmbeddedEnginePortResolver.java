package io.orderflow.fulfillment.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code fulfillment.engine.port=0} means "any free port": it is chosen here, before the Camunda client reads its
 * gRPC address, so engine and client agree (tests run several application contexts side by side).
 */
class EmbeddedEnginePortResolver implements EnvironmentPostProcessor {

  static final String PORT = "fulfillment.engine.port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!"embedded".equals(env.getProperty("fulfillment.runtime", "embedded"))) {
      return;
    }
    if (env.getProperty(PORT, Integer.class, 26500) == 0) {
      env.getPropertySources().addFirst(new MapPropertySource("embeddedEnginePort", Map.of(PORT, freePort())));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }
}
