package io.orderflow.fulfillment.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code fulfillment.mail.embedded-smtp.port=0} means "any free port" (the tests' setting, so that several application
 * contexts and other test runs on the machine never collide): the port is chosen here, before Spring's mail sender
 * reads {@code spring.mail.port} (which refers to it), so the server and the sender agree.
 */
class EmbeddedSmtpPortResolver implements EnvironmentPostProcessor {

  static final String ENABLED = "fulfillment.mail.embedded-smtp.enabled";
  static final String PORT = "fulfillment.mail.embedded-smtp.port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (env.getProperty(ENABLED, Boolean.class, false) && env.getProperty(PORT, Integer.class, 3025) == 0) {
      env.getPropertySources().addFirst(new MapPropertySource("embeddedSmtpPort", Map.of(PORT, freePort())));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded SMTP server", e);
    }
  }
}
