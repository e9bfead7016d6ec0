package io.orderflow.fulfillment.testsupport;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The demo users of keycloak/fulfillment-realm.json, which the app also has built in when no issuer is configured
 * (password = username + "-demo"), and the callbacks' machine caller {@code fulfillment-callbacks}.
 */
public enum DemoUser {
  ANA("ana.customer", "ana.garcia@example.com", null),
  PIOTR("piotr.customer", "piotr.nowak@example.com", null),
  CS_AGENT("cs.agent", "carmen.ruiz@orderflow.example", "customer-service"),
  PICKER_MADRID("picker.madrid", "javier.moreno@orderflow.example", "warehouse"),
  PICKER_WARSAW("picker.warsaw", "katarzyna.wisniewska@orderflow.example", "warehouse"),
  PICKER_SOFIA("picker.sofia", "georgi.ivanov@orderflow.example", "warehouse"),
  SUPERVISOR_MADRID("supervisor.madrid", "lucia.fernandez@orderflow.example", "warehouse"),
  FINANCE("finance.clerk", "marta.kowalczyk@orderflow.example", "finance"),
  MARKETING("marketing.manager", "elena.petrova@orderflow.example", "marketing-manager"),
  /** Marketing without the manager role: defines campaigns, may not approve them. */
  MARKETING_ASSISTANT("marketing.assistant", "nikola.angelov@orderflow.example", null),
  PURCHASING("buyer.purchasing", "pablo.sanchez@orderflow.example", null),
  OPS("ops.viewer", "tomasz.zielinski@orderflow.example", null),
  ANALYST("analyst.modeler", "irina.dimitrova@orderflow.example", null),
  CALLBACKS("fulfillment-callbacks", null, null);

  private final String username;
  private final String email;
  private final String taskGroup;

  DemoUser(String username, String email, String taskGroup) {
    this.username = username;
    this.email = email;
    this.taskGroup = taskGroup;
  }

  public String username() {
    return username;
  }

  public String password() {
    return username + "-demo";
  }

  public String email() {
    return email;
  }

  /** The candidate group of the tasks this user works on (warehouse, customer-service, finance), or null. */
  public String taskGroup() {
    return taskGroup;
  }

  /** The same client, signed in as this user with HTTP basic. */
  public TestRestTemplate on(TestRestTemplate http) {
    return http.withBasicAuth(username, password());
  }

  /** MockMvc: the request signed in as this user with HTTP basic. */
  public org.springframework.test.web.servlet.request.RequestPostProcessor basic() {
    return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
        .httpBasic(username, password());
  }

  /** The picker of a warehouse (madrid, warsaw, sofia). */
  public static DemoUser pickerIn(String warehouse) {
    return switch (warehouse) {
      case "madrid" -> PICKER_MADRID;
      case "warsaw" -> PICKER_WARSAW;
      case "sofia" -> PICKER_SOFIA;
      default -> throw new IllegalArgumentException("No picker in " + warehouse);
    };
  }

  /** The demo customer with this e-mail, if there is one. */
  public static Optional<DemoUser> customerWithEmail(String email) {
    return Arrays.stream(new DemoUser[] {ANA, PIOTR}).filter(u -> u.email.equalsIgnoreCase(email)).findFirst();
  }
}
