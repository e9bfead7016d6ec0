package io.orderflow.fulfillment.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where to open the app once its web server listens (the README's run command ends with this line). */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment environment;

  StartupBanner(Environment environment) {
    this.environment = environment;
  }

  @EventListener
  void onStarted(WebServerInitializedEvent event) {
    if ("management".equals(event.getApplicationContext().getServerNamespace())) {
      return;
    }
    int port = event.getWebServer().getPort();
    // the same switch as the security configuration: an issuer, or Keycloak's URL (both empty by default)
    boolean keycloak = org.springframework.util.StringUtils.hasText(
        environment.getProperty("fulfillment.security.issuer-uri"))
        || org.springframework.util.StringUtils.hasText(environment.getProperty("fulfillment.security.keycloak-url"));
    log.info("OrderFlow is up: open http://localhost:{}/ in a browser ({})", port, keycloak
        ? "sign in with Keycloak's demo users"
        : "demo users: ana.customer, picker.madrid, cs.agent, ops.viewer, … password = username + \"-demo\"");
  }
}
