package io.orderflow.fulfillment.analytics.web;

import io.orderflow.fulfillment.analytics.FulfillmentKpiReport;
import io.orderflow.fulfillment.analytics.FulfillmentKpis;
import io.orderflow.fulfillment.analytics.KpiCsv;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fulfilment KPIs of the orders placed in a date range ({@code from}, {@code to}: UTC dates YYYY-MM-DD, inclusive;
 * default the last 30 days), of one warehouse or all: as JSON, or as a CSV file to download (one metric per row).
 */
@RestController
class KpiController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final FulfillmentKpis kpis;

  KpiController(FulfillmentKpis kpis) {
    this.kpis = kpis;
  }

  @GetMapping("/api/analytics/kpis")
  FulfillmentKpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String warehouse) {
    return kpis.report(date("from", from), date("to", to), warehouse);
  }

  @GetMapping("/api/analytics/kpis.csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String warehouse) {
    FulfillmentKpiReport report = kpis.report(date("from", from), date("to", to), warehouse);
    String file = "fulfillment-kpis-" + report.from() + "-" + report.to()
        + (report.warehouse() == null ? "" : "-" + report.warehouse().replaceAll("[^A-Za-z0-9_-]", "_")) + ".csv";
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(KpiCsv.write(report));
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "is not a date YYYY-MM-DD: " + value);
    }
  }
}
