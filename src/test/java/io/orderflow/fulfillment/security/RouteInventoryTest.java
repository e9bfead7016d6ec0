package io.orderflow.fulfillment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route of the app has an explicit access rule, and every rule a route: a new endpoint without a rule fails
 * here (and is denied at run time), and a public route needs its place in the public allow-list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class RouteInventoryTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** "METHOD /pattern" of every handler method under /api. */
  static Set<String> apiRoutes(RequestMappingHandlerMapping mappings) {
    Set<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.equals("/api") || pattern.startsWith("/v2/")) {
          assertThat(methods).as("%s (%s) names its HTTP methods", pattern, handler).isNotEmpty();
          methods.forEach(m -> routes.add(m.name() + " " + pattern));
        }
      }
    });
    return routes;
  }

  @Test
  @DisplayName("Every API route of the app has exactly one explicit access rule")
  void everyRouteHasARule() {
    Set<String> routes = apiRoutes(mappings);
    assertThat(routes).as("the app's API routes").hasSizeGreaterThanOrEqualTo(40);
    List<String> uncovered = new ArrayList<>();
    for (String route : routes) {
      long rules = ApiAccessRules.RULES.stream().filter(r -> (r.method() + " " + r.pattern()).equals(route)).count();
      if (rules != 1) {
        uncovered.add(route + " (" + rules + " rules)");
      }
    }
    assertThat(uncovered).as("routes without exactly one rule in ApiAccessRules").isEmpty();
  }

  @Test
  @DisplayName("Every access rule names a route that exists, so the rules stay the route table")
  void everyRuleHasARoute() {
    Set<String> routes = apiRoutes(mappings);
    assertThat(ApiAccessRules.RULES).extracting(r -> r.method() + " " + r.pattern())
        .allSatisfy(rule -> assertThat(routes).contains(rule));
  }

  @Test
  @DisplayName("Only the catalogue (with reviews and stock availability), delivery slots and tracking by number are public")
  void publicRoutesAreTheAllowList() {
    assertThat(ApiAccessRules.RULES).filteredOn(ApiAccessRules.Rule::isPublic)
        .extracting(r -> r.method() + " " + r.pattern())
        .containsExactlyInAnyOrderElementsOf(ApiAccessRules.PUBLIC_API);
  }

  @Test
  @DisplayName("Ops reads everything and writes nothing but an incident's retry and the dev mailbox's emptying; "
      + "callbacks are for the machine caller only")
  void opsIsReadOnlyAndCallbacksAreMachineOnly() {
    assertThat(ApiAccessRules.RULES).filteredOn(r -> !r.isPublic() && r.method().name().equals("GET"))
        .allSatisfy(r -> assertThat(r.roles()).as(r.toString()).contains(Roles.OPS));
    assertThat(ApiAccessRules.RULES).filteredOn(r -> !r.method().name().equals("GET"))
        .filteredOn(r -> r.roles().contains(Roles.OPS))
        .as("the only writes ops may do, and only ops")
        .allSatisfy(r -> assertThat(r.roles()).containsExactly(Roles.OPS))
        .extracting(r -> r.method() + " " + r.pattern())
        .containsExactlyInAnyOrder("POST /api/ops/incidents/{incidentKey}/retry", "DELETE /api/dev/mailbox");
    assertThat(ApiAccessRules.RULES).filteredOn(r -> r.roles().contains(Roles.CALLBACK))
        .extracting(r -> r.method() + " " + r.pattern())
        .containsExactlyInAnyOrder("POST /api/courier/events", "POST /api/payments/bank-statements",
            "POST /api/payments/cash-collections", "POST /api/purchase-orders/{poId}/supplier-confirmation");
    assertThat(ApiAccessRules.RULES).filteredOn(r -> r.roles().contains(Roles.CALLBACK))
        .allSatisfy(r -> assertThat(r.roles()).containsExactly(Roles.CALLBACK));
  }
}
