package io.orderflow.fulfillment.insight;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signed-in customers do on the site: product views, cart additions, searches. A batch is stored whole or not at
 * all; the customer is the signed-in one (the caller passes the e-mail from the principal, never from the body).
 */
@Service
public class SiteEvents {

  public enum Type { PRODUCT_VIEW, CART_ADD, SEARCH }

  /** One event as received; {@code occurredAt} null = now. */
  public record SiteEvent(String type, String sku, String query, Instant occurredAt) {

    Type parsedType() {
      try {
        return type == null ? null : Type.valueOf(type.strip());
      } catch (IllegalArgumentException unknown) {
        return null;
      }
    }
  }

  public static final int MAX_BATCH = 100;

  private final Catalog catalog;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SiteEvents(Catalog catalog, JdbcTemplate jdbc, Clock clock) {
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the events of the customer. PRODUCT_VIEW and CART_ADD need a catalogue SKU, SEARCH a query; an event may not
   * be more than a minute in the future. Problems name the field ({@code events[i].sku}).
   *
   * @throws InvalidRequestException for an empty or too large batch, or any bad event (nothing is stored)
   */
  @Transactional
  public int record(String customerEmail, List<SiteEvent> events) {
    if (events == null || events.isEmpty()) {
      throw new InvalidRequestException("events", "at least one event");
    }
    if (events.size() > MAX_BATCH) {
      throw new InvalidRequestException("events", "at most " + MAX_BATCH + " events per call");
    }
    Instant now = clock.instant();
    Map<String, ?> known = catalog.bySku(events.stream().map(SiteEvent::sku).filter(Objects::nonNull).distinct()
        .toList());
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      SiteEvent event = events.get(i);
      String at = events.size() == 1 ? "" : "events[" + i + "].";
      Type type = event == null ? null : event.parsedType();
      if (type == null) {
        problems.add(new FieldProblem(at + "type", "must be one of PRODUCT_VIEW, CART_ADD, SEARCH"));
        continue;
      }
      SiteEvent e = event;
      if (type != Type.SEARCH && (e.sku() == null || !known.containsKey(e.sku()))) {
        problems.add(new FieldProblem(at + "sku", e.sku() == null ? "is required for " + type
            : "unknown product '" + e.sku() + "'"));
      }
      if (type != Type.SEARCH && e.sku() != null && e.sku().length() > 40) {
        problems.add(new FieldProblem(at + "sku", "must be at most 40 characters"));
      }
      if (type == Type.SEARCH && (e.query() == null || e.query().isBlank() || e.query().length() > 200)) {
        problems.add(new FieldProblem(at + "query", "is required for SEARCH (1 to 200 characters)"));
      }
      if (e.occurredAt() != null && e.occurredAt().isAfter(now.plusSeconds(60))) {
        problems.add(new FieldProblem(at + "occurredAt", "must not be in the future"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String email = InsightCalculator.key(customerEmail);
    for (SiteEvent e : events) {
      Type type = e.parsedType();
      jdbc.update("insert into site_event (customer_email, event_type, sku, search_query, occurred_at, received_at)"
              + " values (?, ?, ?, ?, ?, ?)", email, type.name(), type == Type.SEARCH ? null : e.sku(),
          type == Type.SEARCH ? e.query().strip() : null,
          Timestamp.from(e.occurredAt() == null ? now : e.occurredAt()), Timestamp.from(now));
    }
    return events.size();
  }

  /** How many events of the customer are stored (for reports and tests). */
  @Transactional(readOnly = true)
  public int countOf(String customerEmail) {
    return jdbc.queryForObject("select count(*) from site_event where customer_email = ?", Integer.class,
        InsightCalculator.key(customerEmail));
  }
}
