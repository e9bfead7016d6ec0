package io.orderflow.fulfillment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebAppControllerTest {

  @Test
  @DisplayName("after sign-in only a route of the page is followed: never another site or a script")
  void safeRoute() {
    assertThat(WebAppController.safeRoute("/orders/42")).isEqualTo("/orders/42");
    assertThat(WebAppController.safeRoute("/inbox?group=warehouse")).isEqualTo("/inbox?group=warehouse");
    assertThat(WebAppController.safeRoute(null)).isEqualTo("/");
    assertThat(WebAppController.safeRoute("//evil.example/x")).isEqualTo("/");
    assertThat(WebAppController.safeRoute("https://evil.example")).isEqualTo("/");
    assertThat(WebAppController.safeRoute("/x\"><script>")).isEqualTo("/");
    assertThat(WebAppController.safeRoute("javascript:alert(1)")).isEqualTo("/");
  }
}
