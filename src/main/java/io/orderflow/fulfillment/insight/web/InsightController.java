package io.orderflow.fulfillment.insight.web;

import io.orderflow.fulfillment.insight.CustomerInsights;
import io.orderflow.fulfillment.insight.CustomerInsights.InsightView;
import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.insight.SiteEvents;
import io.orderflow.fulfillment.insight.SiteEvents.SiteEvent;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Site events from signed-in customers, and the computed customer insight.
 *
 * <p>Who sees what of the insight: <b>marketing</b> targets customers, so it sees only those who gave marketing
 * consent, with their e-mail (another customer answers 404, as an unknown one does). <b>Analysts</b> and <b>ops</b>
 * study the whole base: every customer, the e-mail masked ({@code a***@example.com}). Refreshing is a write: marketing
 * and analysts (ops reads only, as everywhere).
 */
@RestController
class InsightController {

  /** One event, or a batch of them in {@code events}. */
  record EventsRequest(String type, String sku, String query, Instant occurredAt, List<SiteEvent> events) {}

  record Accepted(int accepted) {}

  private final SiteEvents siteEvents;
  private final CustomerInsights insights;

  InsightController(SiteEvents siteEvents, CustomerInsights insights) {
    this.siteEvents = siteEvents;
    this.insights = insights;
  }

  /** 202: the events of the signed-in customer are stored (the e-mail is the sign-in's; the body names none). */
  @PostMapping("/api/events")
  ResponseEntity<Accepted> events(@RequestBody EventsRequest request) {
    CurrentUser user = CurrentUser.required();
    if (user.email() == null) {
      throw new InvalidRequestException("customer", "the signed-in user has no e-mail address");
    }
    List<SiteEvent> events = request.events() != null ? request.events()
        : List.of(new SiteEvent(request.type(), request.sku(), request.query(), request.occurredAt()));
    return ResponseEntity.accepted().body(new Accepted(siteEvents.record(user.email(), events)));
  }

  @PostMapping("/api/insight/refresh")
  CustomerInsights.RefreshResult refresh() {
    return insights.refresh();
  }

  @GetMapping("/api/insight/customers/{email}")
  InsightView customer(@PathVariable String email) {
    boolean marketingOnly = marketingOnly();
    return insights.of(email).filter(v -> !marketingOnly || v.marketingConsent())
        .map(v -> marketingOnly ? v : masked(v))
        .orElseThrow(() -> new NotFoundException("Customer insight", marketingOnly ? email : mask(email)));
  }

  @GetMapping("/api/insight/segments")
  Map<String, Object> segment(@RequestParam(required = false) String segment) {
    Segment wanted = null;
    if (segment != null && !segment.isBlank()) {
      try {
        wanted = Segment.valueOf(segment.strip());
      } catch (IllegalArgumentException unknown) {
        throw new InvalidRequestException("segment", "must be one of CHAMPION, LOYAL, NEW, AT_RISK, LOST, OCCASIONAL");
      }
    }
    boolean marketingOnly = marketingOnly();
    List<InsightView> found = insights.inSegment(wanted, marketingOnly).stream()
        .map(v -> marketingOnly ? v : masked(v)).toList();
    return Map.of("segment", wanted == null ? "ALL" : wanted.name(), "consentingOnly", marketingOnly,
        "customers", found);
  }

  /** Marketing without an analyst's or ops' role: consenting customers only, e-mail in clear. */
  private static boolean marketingOnly() {
    CurrentUser user = CurrentUser.required();
    return user.hasRole(Roles.MARKETING) && !user.hasAnyRole(Roles.ANALYST, Roles.OPS);
  }

  private static InsightView masked(InsightView v) {
    return new InsightView(mask(v.email()), v.computedAt(), v.lastOrderAt(), v.recencyDays(), v.frequency(),
        v.monetary(), v.currency(), v.recencyScore(), v.frequencyScore(), v.monetaryScore(), v.segment(),
        v.marketingConsent(), v.recommendations());
  }

  /** {@code ana.garcia@example.com} → {@code a***@example.com}. */
  static String mask(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
