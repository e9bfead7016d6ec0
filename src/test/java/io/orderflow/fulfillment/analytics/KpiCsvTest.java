package io.orderflow.fulfillment.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Backorders;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.ChannelRevenue;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.FillRate;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.OnTimeDelivery;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.PaymentMethodShare;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Returns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KPI CSV: RFC 4180 quoting")
class KpiCsvTest {

  private static FulfillmentKpiReport report(String method, String channel) {
    return new FulfillmentKpiReport(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), null, 1, List.of(),
        new OnTimeDelivery(0, 0, 0, null), new FillRate(0, 0, null), new Returns(0, 0, null, List.of()),
        new Backorders(0, 0, null, null, 0), List.of(new PaymentMethodShare(method, 1, new BigDecimal("1.0000"))),
        List.of(new ChannelRevenue(channel, "EUR", new BigDecimal("12.50"))), List.of());
  }

  @Test
  @DisplayName("a field with a comma, a quote or a line break is quoted and its quotes doubled; others are not")
  void quoting() {
    String csv = KpiCsv.write(report("CARD, \"gold\"", "LINE\nBREAK"));

    assertThat(csv).contains("\r\npayment_method_orders,\"CARD, \"\"gold\"\"\",1,orders\r\n")
        .contains("\r\npayment_method_share,\"CARD, \"\"gold\"\"\",1.0000,ratio\r\n")
        .contains("\r\nrevenue,\"LINE\nBREAK\",12.50,EUR\r\n")
        .contains("\r\norders_placed,,1,orders\r\n");
  }

  @Test
  @DisplayName("a text field that a spreadsheet would run as a formula gets a leading apostrophe")
  void formulaInjection() {
    String csv = KpiCsv.write(report("=HYPERLINK(\"x\")", "@SUM"));

    assertThat(csv).contains("\r\npayment_method_orders,\"'=HYPERLINK(\"\"x\"\")\",1,orders\r\n")
        .contains("\r\nrevenue,'@SUM,12.50,EUR\r\n");
  }
}
