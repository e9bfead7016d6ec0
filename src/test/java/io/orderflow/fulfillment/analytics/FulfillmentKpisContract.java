package io.orderflow.fulfillment.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Backorders;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.ChannelRevenue;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.FillRate;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.OnTimeDelivery;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.PaymentMethodShare;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.ReasonCount;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Returns;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.Stage;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.StageCycleTime;
import io.orderflow.fulfillment.analytics.FulfillmentKpiReport.StatusCount;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPIs of the known data set ({@link KpiDataSet}) against figures worked out by hand, on whichever database the
 * subclass runs (H2 in MySQL mode, the real MariaDB). Hours: nearest-rank percentiles of the listed durations.
 */
abstract class FulfillmentKpisContract {

  static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
  static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");

  /** "Today" for the default range: 2026-04-15 (UTC). */
  @TestConfiguration(proxyBeanMethods = false)
  static class FixedClock {
    @Bean
    @org.springframework.context.annotation.Primary
    Clock fixedClock() {
      return Clock.fixed(Instant.parse("2026-04-15T12:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired FulfillmentKpis kpis;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void dataSet() {
    new KpiDataSet(jdbc).insert();
  }

  @org.junit.jupiter.api.AfterEach
  void removeDataSet() {
    new KpiDataSet(jdbc).delete();
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  @DisplayName("March 2026, every warehouse: the hand-computed figures of the seven orders placed in March")
  void marchEveryWarehouse() {
    FulfillmentKpiReport r = kpis.report(MARCH_1, MARCH_31, null);

    assertThat(r.ordersPlaced()).isEqualTo(7); // O1-O6, O9; not O7 (02-28 23:59:59) nor O8 (04-01 00:00)
    assertThat(r.cycleTimes()).containsExactly(
        new StageCycleTime(Stage.PLACED_TO_PAID, 4, d("1.50"), d("24.00")), // 1, 1.5, 2, 24
        new StageCycleTime(Stage.PAID_TO_PICKED, 3, d("12.00"), d("22.33")), // 4.5, 12, 22h20m
        new StageCycleTime(Stage.PICKED_TO_SHIPPED, 3, d("12.00"), d("18.00")), // 5h40m, 12, 18
        new StageCycleTime(Stage.SHIPPED_TO_DELIVERED, 2, d("42.00"), d("73.00")),
        new StageCycleTime(Stage.PLACED_TO_DELIVERED, 2, d("72.00"), d("121.00")));
    assertThat(r.onTime()).isEqualTo(new OnTimeDelivery(1, 1, 0, d("0.5000")));
    assertThat(r.fillRate()).isEqualTo(new FillRate(7, 4, d("0.5714"))); // O1 3 of 3, O2 1 of 2, O3 0 of 2
    assertThat(r.returns()).isEqualTo(new Returns(7, 1, d("0.1429"),
        java.util.List.of(new ReasonCount("CHANGED_MIND", 1, 0), new ReasonCount("DAMAGED", 1, 1))));
    assertThat(r.backorders()).isEqualTo(new Backorders(2, 1, d("48.00"), d("48.00"), 1));
    assertThat(r.paymentMethods()).containsExactly(new PaymentMethodShare("BANK_TRANSFER", 2, d("0.2857")),
        new PaymentMethodShare("CARD", 5, d("0.7143")));
    assertThat(r.revenue()).containsExactly(new ChannelRevenue("MARKETPLACE", "EUR", d("34.80")),
        new ChannelRevenue("WEB_SHOP", "EUR", d("151.20")), new ChannelRevenue("WEB_SHOP", "PLN", d("213.00")));
    assertThat(r.ordersByStatus()).containsExactly(new StatusCount("AWAITING_STOCK", 1),
        new StatusCount("CANCELLED", 1), new StatusCount("DELIVERED", 2), new StatusCount("PAYMENT_AUTHORIZED", 1),
        new StatusCount("SHIPPED", 1), new StatusCount("STOCK_RESERVED", 1));
  }

  @Test
  @DisplayName("One warehouse: the orders whose main warehouse or one of whose parcels is there, whole")
  void oneWarehouse() {
    FulfillmentKpiReport warsaw = kpis.report(MARCH_1, MARCH_31, "warsaw"); // O2 (its second parcel), O9
    assertThat(warsaw.warehouse()).isEqualTo("warsaw");
    assertThat(warsaw.ordersPlaced()).isEqualTo(2);
    assertThat(warsaw.cycleTimes().get(0)).isEqualTo(new StageCycleTime(Stage.PLACED_TO_PAID, 2, d("1.00"), d("24.00")));
    assertThat(warsaw.cycleTimes().get(4))
        .isEqualTo(new StageCycleTime(Stage.PLACED_TO_DELIVERED, 1, d("121.00"), d("121.00")));
    assertThat(warsaw.revenue()).containsExactly(new ChannelRevenue("MARKETPLACE", "EUR", d("29.80")),
        new ChannelRevenue("WEB_SHOP", "PLN", d("213.00")));

    FulfillmentKpiReport sofia = kpis.report(MARCH_1, MARCH_31, "sofia"); // O3 only
    assertThat(sofia.ordersPlaced()).isEqualTo(1);
    assertThat(sofia.fillRate()).isEqualTo(new FillRate(2, 0, d("0.0000")));
    assertThat(sofia.backorders()).isEqualTo(new Backorders(0, 0, null, null, 0));
  }

  @Test
  @DisplayName("A range without orders: zeros and empty lists, no rate or duration, no error")
  void emptyRange() {
    FulfillmentKpiReport r = kpis.report(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), null);

    assertThat(r.ordersPlaced()).isZero();
    assertThat(r.cycleTimes()).hasSize(5).allSatisfy(c -> {
      assertThat(c.count()).isZero();
      assertThat(c.medianHours()).isNull();
      assertThat(c.p90Hours()).isNull();
    });
    assertThat(r.onTime()).isEqualTo(new OnTimeDelivery(0, 0, 0, null));
    assertThat(r.fillRate()).isEqualTo(new FillRate(0, 0, null));
    assertThat(r.returns()).isEqualTo(new Returns(0, 0, null, java.util.List.of()));
    assertThat(r.backorders()).isEqualTo(new Backorders(0, 0, null, null, 0));
    assertThat(r.paymentMethods()).isEmpty();
    assertThat(r.revenue()).isEmpty();
    assertThat(r.ordersByStatus()).isEmpty();
    assertThat(KpiCsv.write(r)).contains("\r\non_time_rate,,,ratio\r\n", "\r\norders_placed,,0,orders\r\n");
  }

  @Test
  @DisplayName("Without dates: the last 30 days up to today (UTC), here 2026-03-17 to 2026-04-15")
  void defaultRange() {
    FulfillmentKpiReport r = kpis.report(null, null, " ");
    assertThat(r.from()).isEqualTo(LocalDate.parse("2026-03-17"));
    assertThat(r.to()).isEqualTo(LocalDate.parse("2026-04-15"));
    assertThat(r.warehouse()).isNull();
    assertThat(r.ordersPlaced()).isEqualTo(3); // O9 (03-20), O6 (03-31), O8 (04-01)
  }

  @Test
  @DisplayName("Refused: from after to, more than 366 days, an unknown warehouse; 366 days are fine")
  void validation() {
    assertThatThrownBy(() -> kpis.report(MARCH_31, MARCH_1, null)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("from: must not be after to");
    assertThatThrownBy(() -> kpis.report(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02"), null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("longer than 366 days");
    assertThatThrownBy(() -> kpis.report(MARCH_1, MARCH_31, "atlantis")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("warehouse: is not a known warehouse");
    assertThat(kpis.report(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), null).ordersPlaced()).isZero();
  }

  @Test
  @DisplayName("The CSV of March: a header, one metric per row, values as in the report")
  void csvOfMarch() {
    String csv = KpiCsv.write(kpis.report(MARCH_1, MARCH_31, null));

    assertThat(csv).startsWith("metric,dimension,value,unit\r\norders_placed,,7,orders\r\n");
    assertThat(csv.split("\r\n")).contains("cycle_time_median,PLACED_TO_PAID,1.50,hours",
        "cycle_time_p90,PAID_TO_PICKED,22.33,hours", "on_time_rate,,0.5000,ratio", "fill_rate,,0.5714,ratio",
        "return_requests,DAMAGED,1,requests", "backorder_wait_median,,48.00,hours", "backorder_still_waiting,,1,orders",
        "payment_method_share,CARD,0.7143,ratio", "revenue,WEB_SHOP,151.20,EUR", "revenue,WEB_SHOP,213.00,PLN",
        "orders_by_status,DELIVERED,2,orders");
    assertThat(csv.split("\r\n")).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(4));
  }
}
