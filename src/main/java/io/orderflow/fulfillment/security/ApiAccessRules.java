package io.orderflow.fulfillment.security;

import static io.orderflow.fulfillment.security.Roles.ANALYST;
import static io.orderflow.fulfillment.security.Roles.CALLBACK;
import static io.orderflow.fulfillment.security.Roles.CUSTOMER;
import static io.orderflow.fulfillment.security.Roles.CUSTOMER_SERVICE;
import static io.orderflow.fulfillment.security.Roles.FINANCE;
import static io.orderflow.fulfillment.security.Roles.MARKETING;
import static io.orderflow.fulfillment.security.Roles.MARKETING_MANAGER;
import static io.orderflow.fulfillment.security.Roles.OPS;
import static io.orderflow.fulfillment.security.Roles.PURCHASING;
import static io.orderflow.fulfillment.security.Roles.WAREHOUSE;
import static io.orderflow.fulfillment.security.Roles.WAREHOUSE_SUPERVISOR;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which API route: one explicit rule per route (method + path pattern → roles, or public). The security
 * filter chain is built from this list, anything under {@code /api} without a rule is denied, and a test checks that
 * every handler mapping of the app has a rule. Ownership (a customer's own orders and carts, a picker's own warehouse,
 * tasks of the caller's roles) is checked behind the route by the features, with {@link CurrentUser}.
 *
 * <p>Every read rule also admits {@code ops}, which is otherwise read-only: no write rule admits it, with two
 * exceptions that are ops' own work and no one else's: retrying an incident ({@code POST
 * /api/ops/incidents/{incidentKey}/retry}: the failed job gets new retries and the incident is resolved, so the engine
 * tries the step again; it changes no business data by itself) and emptying the embedded runtime's dev mailbox
 * ({@code DELETE /api/dev/mailbox}).
 */
public final class ApiAccessRules {

  /** @param roles empty for a public route */
  public record Rule(HttpMethod method, String pattern, Set<String> roles) {

    public boolean isPublic() {
      return roles.isEmpty();
    }

    public boolean matches(HttpMethod requestMethod, String path) {
      return method.equals(requestMethod) && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
    }

    @Override
    public String toString() {
      return method + " " + pattern + " → " + (isPublic() ? "public" : String.join(", ", roles));
    }
  }

  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

  /** The only API routes anyone may call without signing in: nothing personal behind them. */
  public static final Set<String> PUBLIC_API = Set.of("GET /api/products", "GET /api/delivery-slots",
      "GET /api/tracking/{trackingNumber}", "GET /api/products/{sku}/reviews", "GET /api/products/availability");

  /** Every role of a person (all but the machine callers' {@code callback}). */
  static final String[] SIGNED_IN_PEOPLE = Roles.ALL.stream().filter(r -> !r.equals(CALLBACK)).toArray(String[]::new);

  public static final List<Rule> RULES;

  static {
    List<Rule> r = new ArrayList<>();
    // public: catalogue, delivery options, parcel tracking by number (no personal data)
    r.add(open("/api/products"));
    r.add(open("/api/delivery-slots"));
    r.add(open("/api/tracking/{trackingNumber}"));
    // product reviews: public like the catalogue (rating, comment, date; never the reviewer)
    r.add(open("/api/products/{sku}/reviews"));
    // stock availability for the storefront: units available per SKU over all warehouses and a level, nothing else
    // (a literal path of its own: neither it nor /api/products/{sku}/reviews matches the other)
    r.add(open("/api/products/availability"));

    // who is signed in (the pages ask): every person, whatever their role; not the machine caller
    r.add(read("/api/me", SIGNED_IN_PEOPLE));

    // orders: customers their own (checked by the order module), customer service any, ops and finance read
    r.add(write(HttpMethod.POST, "/api/orders", CUSTOMER, CUSTOMER_SERVICE));
    // the order list: a customer their own (by the sign-in's e-mail, checked by the order module), staff any customer's
    r.add(read("/api/orders", CUSTOMER, CUSTOMER_SERVICE, FINANCE));
    r.add(read("/api/orders/{orderId}", CUSTOMER, CUSTOMER_SERVICE, FINANCE));
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/quote/acceptance", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/backorder-decision", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/questions", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/cancellation", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/payment/card", CUSTOMER, CUSTOMER_SERVICE));
    r.add(read("/api/orders/{orderId}/notifications", CUSTOMER, CUSTOMER_SERVICE));
    r.add(read("/api/orders/{orderId}/tracking", CUSTOMER, CUSTOMER_SERVICE));
    r.add(read("/api/orders/{orderId}/invoices", CUSTOMER, CUSTOMER_SERVICE, FINANCE));
    r.add(read("/api/orders/{orderId}/invoices/{invoiceNumber}.pdf", CUSTOMER, CUSTOMER_SERVICE, FINANCE));
    r.add(read("/api/orders/{orderId}/credit-notes/{creditNoteNumber}.pdf", CUSTOMER, CUSTOMER_SERVICE, FINANCE));
    r.add(read("/api/orders/{orderId}/money-movements", FINANCE, CUSTOMER_SERVICE));
    r.add(read("/api/orders/{orderId}/shipments/{shipmentNo}/label.pdf", WAREHOUSE, CUSTOMER_SERVICE));
    r.add(read("/api/orders/{orderId}/shipments/{shipmentNo}/packing-slip.pdf", WAREHOUSE, CUSTOMER_SERVICE));

    // returns and complaints: the order's customer (checked by the order and returns modules), customer service; the
    // staff of the warehouse the parcel goes back to read it and report its arrival (checked by returns); finance reads
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/returns", CUSTOMER, CUSTOMER_SERVICE));
    r.add(read("/api/orders/{orderId}/returns", CUSTOMER, CUSTOMER_SERVICE));
    r.add(read("/api/returns", CUSTOMER_SERVICE));
    r.add(read("/api/returns/{returnId}", CUSTOMER, CUSTOMER_SERVICE, WAREHOUSE, WAREHOUSE_SUPERVISOR, FINANCE));
    r.add(read("/api/returns/{returnId}/label.pdf", CUSTOMER, CUSTOMER_SERVICE, WAREHOUSE, WAREHOUSE_SUPERVISOR));
    r.add(write(HttpMethod.POST, "/api/returns/{returnId}/arrival", WAREHOUSE, WAREHOUSE_SUPERVISOR));

    // reviews: the order's customer rates a delivered product (ownership checked by the order module)
    r.add(write(HttpMethod.POST, "/api/orders/{orderId}/reviews", CUSTOMER));

    // customer insight: signed-in customers send their site events (stored under their own e-mail); marketing sees
    // consenting customers only, analysts (and ops, reading) every customer with the e-mail masked (insight module)
    r.add(write(HttpMethod.POST, "/api/events", CUSTOMER));
    r.add(write(HttpMethod.POST, "/api/insight/refresh", MARKETING, ANALYST));
    r.add(read("/api/insight/customers/{email}", MARKETING, ANALYST));
    r.add(read("/api/insight/segments", MARKETING, ANALYST));

    // campaigns: marketing defines and cancels them (a marketing manager approves through the task API); analysts and
    // ops read them. Offers: the offer's customer only (checked by the campaign module: 404 for anybody else's)
    r.add(write(HttpMethod.POST, "/api/campaigns", MARKETING));
    r.add(read("/api/campaigns", MARKETING, ANALYST));
    r.add(read("/api/campaigns/{campaignId}", MARKETING, ANALYST));
    r.add(write(HttpMethod.POST, "/api/campaigns/{campaignId}/cancellation", MARKETING));
    r.add(read("/api/offers", CUSTOMER));
    r.add(write(HttpMethod.POST, "/api/offers/{offerId}/acceptance", CUSTOMER));

    // carts: the customer who created it (checked by the cart module), customer service
    r.add(write(HttpMethod.POST, "/api/carts", CUSTOMER, CUSTOMER_SERVICE));
    r.add(read("/api/carts/{cartId}", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.POST, "/api/carts/{cartId}/lines", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.PUT, "/api/carts/{cartId}/lines/{sku}", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.DELETE, "/api/carts/{cartId}/lines/{sku}", CUSTOMER, CUSTOMER_SERVICE));
    r.add(write(HttpMethod.POST, "/api/carts/{cartId}/checkout", CUSTOMER, CUSTOMER_SERVICE));

    // stock
    r.add(read("/api/stock", WAREHOUSE, WAREHOUSE_SUPERVISOR, PURCHASING, CUSTOMER_SERVICE));
    r.add(read("/api/stock/movements", WAREHOUSE, WAREHOUSE_SUPERVISOR, PURCHASING));
    r.add(read("/api/stock/movements/orders/{orderId}", WAREHOUSE, WAREHOUSE_SUPERVISOR, PURCHASING,
        CUSTOMER_SERVICE));

    // replenishment: purchasing sees and approves purchase orders (ops reads); the staff of the purchase order's
    // warehouse read it and record its deliveries (checked by replenishment); the supplier answers as the machine caller
    r.add(read("/api/purchase-orders", PURCHASING, WAREHOUSE, WAREHOUSE_SUPERVISOR));
    r.add(read("/api/purchase-orders/{poId}", PURCHASING, WAREHOUSE, WAREHOUSE_SUPERVISOR));
    r.add(write(HttpMethod.POST, "/api/purchase-orders/{poId}/approval", PURCHASING));
    r.add(write(HttpMethod.POST, "/api/purchase-orders/{poId}/supplier-confirmation", CALLBACK));
    r.add(write(HttpMethod.POST, "/api/purchase-orders/{poId}/receipts", WAREHOUSE, WAREHOUSE_SUPERVISOR));
    r.add(read("/api/reorder-policies", PURCHASING));
    // stock transfers between warehouses: purchasing (ops reads); the staff of the source or destination warehouse
    // (checked by replenishment)
    r.add(read("/api/transfers", PURCHASING, WAREHOUSE, WAREHOUSE_SUPERVISOR));
    r.add(read("/api/transfers/{transferId}", PURCHASING, WAREHOUSE, WAREHOUSE_SUPERVISOR));

    // department notifications: each department its own audience (checked by the notification module)
    r.add(read("/api/notifications", CUSTOMER_SERVICE, MARKETING, FINANCE, WAREHOUSE, PURCHASING));

    // staff tasks: the tasks of the caller's roles, warehouse tasks of the caller's warehouses (checked by tasks)
    String[] staff = {CUSTOMER_SERVICE, WAREHOUSE, WAREHOUSE_SUPERVISOR, FINANCE, PURCHASING, MARKETING_MANAGER};
    r.add(read("/api/tasks", staff));
    r.add(read("/api/tasks/{taskKey}", staff));
    r.add(write(HttpMethod.POST, "/api/tasks/{taskKey}/claim", staff));
    r.add(write(HttpMethod.POST, "/api/tasks/{taskKey}/unclaim", staff));
    r.add(write(HttpMethod.POST, "/api/tasks/{taskKey}/complete", staff));
    r.add(read("/api/tasks/{taskKey}/pick-list", WAREHOUSE, WAREHOUSE_SUPERVISOR));
    r.add(write(HttpMethod.POST, "/api/tasks/{taskKey}/scans", WAREHOUSE, WAREHOUSE_SUPERVISOR));

    // money
    r.add(read("/api/payments/bank-statements/unmatched", FINANCE));
    // store credit: customers their own (by their e-mail, checked by the payment module), staff anyone's (?email=)
    r.add(read("/api/store-credit", CUSTOMER, CUSTOMER_SERVICE, FINANCE));

    // callbacks of carriers and banks: the machine caller only
    r.add(write(HttpMethod.POST, "/api/courier/events", CALLBACK));
    r.add(write(HttpMethod.POST, "/api/payments/bank-statements", CALLBACK));
    r.add(write(HttpMethod.POST, "/api/payments/cash-collections", CALLBACK));

    // fulfilment KPIs (JSON and CSV): analysts, finance (revenue, payment mix) and ops read them
    r.add(read("/api/analytics/kpis", ANALYST, FINANCE));
    r.add(read("/api/analytics/kpis.csv", ANALYST, FINANCE));

    // models: analysts see the versions side by side and what was published (ops reads too)
    r.add(read("/api/models", ANALYST));
    r.add(read("/api/models/publications", ANALYST));
    // the part of Camunda's REST API that Desktop Modeler calls: connection check, deploy, start an instance
    r.add(read("/v2/topology", ANALYST));
    r.add(write(HttpMethod.POST, "/v2/deployments", ANALYST));
    r.add(write(HttpMethod.POST, "/v2/process-instances", ANALYST));

    // operations: the deployed process versions, each one's BPMN and counts per element (ops; analysts read them
    // too), stuck work (ops); retrying an incident is ops' one write (see the class comment)
    r.add(read("/api/ops/processes", ANALYST));
    r.add(read("/api/ops/processes/{processDefinitionKey}/xml", ANALYST));
    r.add(read("/api/ops/processes/{processDefinitionKey}/statistics", ANALYST));
    r.add(read("/api/ops/stuck"));
    r.add(write(HttpMethod.POST, "/api/ops/incidents/{incidentKey}/retry", OPS));

    // the embedded runtime's caught mails: ops only
    r.add(read("/api/dev/mailbox"));
    r.add(write(HttpMethod.DELETE, "/api/dev/mailbox", OPS));
    RULES = List.copyOf(r);
  }

  private ApiAccessRules() {}

  /** The first rule for the request, if any; none means denied. */
  public static Optional<Rule> ruleFor(HttpMethod method, String path) {
    return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
  }

  private static Rule open(String pattern) {
    return new Rule(HttpMethod.GET, pattern, Set.of());
  }

  /** A read: the given roles and always ops. */
  private static Rule read(String pattern, String... roles) {
    Set<String> all = new LinkedHashSet<>(List.of(roles));
    all.add(OPS);
    return new Rule(HttpMethod.GET, pattern, all);
  }

  private static Rule write(HttpMethod method, String pattern, String... roles) {
    return new Rule(method, pattern, new LinkedHashSet<>(List.of(roles)));
  }

  static {
    // parse every pattern once at class load, so that a typo fails at start rather than at the first request
    RULES.forEach(rule -> {
      PathPattern ignored = PARSER.parse(rule.pattern());
    });
  }
}
