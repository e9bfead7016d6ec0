package io.orderflow.fulfillment.analytics;

import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.StageCycleTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The KPI report as CSV (RFC 4180): a header {@code metric,dimension,value,unit}, then one metric per row; the
 * dimension names what the row is about (a stage, a reason, a payment method, a channel), the unit what the value
 * counts. A field holding a comma, a quote or a line break is quoted, its quotes doubled; a text field that starts like
 * a spreadsheet formula (= + - @) gets a leading apostrophe; an unknown value (no base for it) is an empty field.
 * Lines end with CRLF.
 */
public final class KpiCsv {

  private KpiCsv() {}

  /** One row of the export. */
  public record Row(String metric, String dimension, Object value, String unit) {}

  public static String write(FulfillmentKpiReport report) {
    StringBuilder out = new StringBuilder();
    line(out, "metric", "dimension", "value", "unit");
    for (Row row : rows(report)) {
      line(out, row.metric(), text(row.dimension()), number(row.value()), row.unit());
    }
    return out.toString();
  }

  public static List<Row> rows(FulfillmentKpiReport r) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("orders_placed", "", r.ordersPlaced(), "orders"));
    for (StageCycleTime c : r.cycleTimes()) {
      rows.add(new Row("cycle_time_orders", c.stage().name(), c.count(), "orders"));
      rows.add(new Row("cycle_time_median", c.stage().name(), c.medianHours(), "hours"));
      rows.add(new Row("cycle_time_p90", c.stage().name(), c.p90Hours(), "hours"));
    }
    rows.add(new Row("delivered_on_time", "", r.onTime().onTime(), "orders"));
    rows.add(new Row("delivered_late", "", r.onTime().late(), "orders"));
    rows.add(new Row("delivered_without_promise", "", r.onTime().withoutPromise(), "orders"));
    rows.add(new Row("on_time_rate", "", r.onTime().rate(), "ratio"));
    rows.add(new Row("fill_rate_lines", "", r.fillRate().lines(), "lines"));
    rows.add(new Row("fill_rate_filled_lines", "", r.fillRate().filledLines(), "lines"));
    rows.add(new Row("fill_rate", "", r.fillRate().rate(), "ratio"));
    rows.add(new Row("delivered_units", "", r.returns().deliveredUnits(), "units"));
    rows.add(new Row("returned_units", "", r.returns().returnedUnits(), "units"));
    rows.add(new Row("return_rate", "", r.returns().rate(), "ratio"));
    r.returns().byReason().forEach(x -> {
      rows.add(new Row("return_requests", x.reason(), x.requests(), "requests"));
      rows.add(new Row("returned_units", x.reason(), x.returnedUnits(), "units"));
    });
    rows.add(new Row("backorder_orders", "", r.backorders().count(), "orders"));
    rows.add(new Row("backorder_allocated", "", r.backorders().allocated(), "orders"));
    rows.add(new Row("backorder_wait_median", "", r.backorders().medianWaitHours(), "hours"));
    rows.add(new Row("backorder_wait_p90", "", r.backorders().p90WaitHours(), "hours"));
    rows.add(new Row("backorder_still_waiting", "", r.backorders().stillWaiting(), "orders"));
    r.paymentMethods().forEach(p -> {
      rows.add(new Row("payment_method_orders", p.method(), p.orders(), "orders"));
      rows.add(new Row("payment_method_share", p.method(), p.share(), "ratio"));
    });
    r.revenue().forEach(x -> rows.add(new Row("revenue", x.channel(), x.amount(), x.currency())));
    r.ordersByStatus().forEach(s -> rows.add(new Row("orders_by_status", s.status(), s.orders(), "orders")));
    return rows;
  }

  private static String number(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** Text from the database: neutralise what a spreadsheet would run as a formula. */
  private static String text(String value) {
    if (value == null) {
      return "";
    }
    return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static void line(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields[i]));
    }
    out.append("\r\n");
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
