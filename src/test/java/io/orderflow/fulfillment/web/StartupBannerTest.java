package io.orderflow.fulfillment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class StartupBannerTest {

  static WebServerInitializedEvent started(int port) {
    WebServer server = mock(WebServer.class);
    when(server.getPort()).thenReturn(port);
    WebServerApplicationContext context = mock(WebServerApplicationContext.class);
    when(context.getServerNamespace()).thenReturn(null);
    return new WebServerInitializedEvent(server) {
      @Override
      public WebServerApplicationContext getApplicationContext() {
        return context;
      }
    };
  }

  @Test
  void printsTheUrlAndTheBuiltInUsersByDefault(CapturedOutput output) {
    MockEnvironment env = new MockEnvironment().withProperty("fulfillment.security.issuer-uri", "")
        .withProperty("fulfillment.security.keycloak-url", "");
    new StartupBanner(env).onStarted(started(8080));
    assertThat(output).contains("open http://localhost:8080/ in a browser").contains("ana.customer")
        .doesNotContain("Keycloak");
  }

  @Test
  void namesKeycloakWhenItSignsIn(CapturedOutput output) {
    MockEnvironment env = new MockEnvironment().withProperty("fulfillment.security.keycloak-url",
        "http://localhost:8180");
    new StartupBanner(env).onStarted(started(9090));
    assertThat(output).contains("open http://localhost:9090/ in a browser (sign in with Keycloak's demo users)");
  }
}
