package io.orderflow.fulfillment.analytics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known set of orders of March 2026 (and two just outside it), written straight into the tables the KPIs read, with
 * every instant fixed. The figures they give are worked out by hand in {@link FulfillmentKpisContract}.
 *
 * <pre>
 * O1 WEB_SHOP    CARD          EUR placed 03-02 10:00 paid +2h, picked +22h20m, shipped +5h40m, delivered +42h (slot
 *                                  03-05 09:00-13:00 Madrid = 12:00Z, delivered 10:00Z: on time); lines 2×19.90,
 *                                  1×49.00, 1×12.50, shipping 4.90; RMA DAMAGED, 1 unit received
 * O2 MARKETPLACE BANK_TRANSFER EUR placed 03-10 08:00 paid +24h, picked +12h (last of two parcels), shipped +12h,
 *                                  delivered +73h (no slot; latest ETA 03-14 18:00Z, delivered 03-15 09:00Z: late);
 *                                  parcels madrid + warsaw; lines 1×10.00, 3×5.00 (1 unavailable), shipping 9.80; RMA
 *                                  CHANGED_MIND, nothing received yet
 * O3 WEB_SHOP    CARD          EUR placed 03-12 09:00 paid +1h30m, picked +4h30m, shipped +18h; parcels sofia
 *                                  (shipped) + madrid (cancelled); lines 1×20.00, 2×10.00 (1 unavailable), shipping 5.00
 * O4 WEB_SHOP    CARD          EUR backorder of O3, placed 03-12 09:30, stock allocated +48h; line 1×10.00
 * O5 MARKETPLACE BANK_TRANSFER EUR backorder of O2, placed 03-10 09:00, still waiting; line 1×5.00
 * O6 MARKETPLACE CARD          EUR placed 03-31 23:59:59, cancelled; line 1×100.00
 * O9 WEB_SHOP    CARD          PLN placed 03-20 10:00 paid +1h; warehouse warsaw (parcel booked); line 2×99.00,
 *                                  shipping 15.00
 * O7 placed 02-28 23:59:59 and O8 placed 04-01 00:00:00: outside March
 * </pre>
 */
final class KpiDataSet {

  private final JdbcTemplate jdbc;

  KpiDataSet(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String IDS = "('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9')";

  /** Removes the data set, if there (a test slice that commits keeps it otherwise). */
  void delete() {
    jdbc.update("delete from return_line where return_id in ('R1', 'R2')");
    jdbc.update("delete from return_request where id in ('R1', 'R2')");
    for (String table : new String[] {"pick_scan", "order_shipment", "order_milestone", "order_line"}) {
      jdbc.update("delete from " + table + " where order_id in " + IDS);
    }
    jdbc.update("delete from customer_order where backorder_for_order_id is not null and id in " + IDS);
    jdbc.update("delete from customer_order where id in " + IDS);
  }

  void insert() {
    delete();
    order("O1", "DELIVERED", "CARD", "WEB_SHOP", "EUR", "2026-03-02T10:00:00Z", "madrid", "2026-03-05", "09:00-13:00",
        "4.90", null, null);
    line("O1", 1, "TSHIRT-ORG-M", 2, 0, "19.90");
    line("O1", 2, "HOODIE-ZIP-M", 1, 0, "49.00");
    line("O1", 3, "MUG-CERAMIC", 1, 0, "12.50");
    milestone("O1", null, "ORDER_PLACED", "2026-03-02T10:00:00Z");
    milestone("O1", null, "PAYMENT_AUTHORIZED", "2026-03-02T11:59:00Z");
    milestone("O1", null, "ORDER_PAYMENT_AUTHORIZED", "2026-03-02T12:00:00Z");
    milestone("O1", 1, "PARCEL_HANDED_OVER", "2026-03-03T16:00:00Z");
    milestone("O1", null, "ORDER_SHIPPED", "2026-03-03T16:00:00Z");
    milestone("O1", 1, "PARCEL_DELIVERED", "2026-03-05T09:58:00Z");
    milestone("O1", null, "ORDER_DELIVERED", "2026-03-05T10:00:00Z");
    parcel("O1", 1, "madrid", "DELIVERED", "2026-03-03T16:00:00Z", "2026-03-06T18:00:00Z");
    pick("O1", 1, "TSHIRT-ORG-M", 1, "2026-03-03T10:20:00Z");
    pick("O1", 1, "TSHIRT-ORG-M", 2, "2026-03-03T10:20:00Z");
    rma("R1", "O1", "DAMAGED", "madrid", "TSHIRT-ORG-M", 1, 1);

    order("O2", "DELIVERED", "BANK_TRANSFER", "MARKETPLACE", "EUR", "2026-03-10T08:00:00Z", "madrid", null, null,
        "9.80", null, null);
    line("O2", 1, "YOGA-MAT", 1, 0, "10.00");
    line("O2", 2, "BOTTLE-STEEL-750", 3, 1, "5.00");
    milestone("O2", null, "ORDER_PAYMENT_AUTHORIZED", "2026-03-11T08:00:00Z");
    milestone("O2", null, "ORDER_ACKNOWLEDGED", "2026-03-11T08:00:01Z");
    milestone("O2", null, "ORDER_SHIPPED", "2026-03-12T08:00:00Z");
    milestone("O2", null, "ORDER_DELIVERED", "2026-03-15T09:00:00Z");
    parcel("O2", 1, "madrid", "DELIVERED", "2026-03-12T07:00:00Z", "2026-03-13T18:00:00Z");
    parcel("O2", 2, "warsaw", "DELIVERED", "2026-03-12T08:00:00Z", "2026-03-14T18:00:00Z");
    pick("O2", 1, "YOGA-MAT", 1, "2026-03-11T14:00:00Z");
    pick("O2", 2, "BOTTLE-STEEL-750", 1, "2026-03-11T20:00:00Z");
    rma("R2", "O2", "CHANGED_MIND", "madrid", "YOGA-MAT", 1, null);

    order("O3", "SHIPPED", "CARD", "WEB_SHOP", "EUR", "2026-03-12T09:00:00Z", "sofia", null, null, "5.00", null, null);
    line("O3", 1, "LAMP-DESK-LED", 1, 0, "20.00");
    line("O3", 2, "COFFEE-BEANS-1KG", 2, 1, "10.00");
    milestone("O3", null, "ORDER_PAYMENT_AUTHORIZED", "2026-03-12T10:30:00Z");
    milestone("O3", null, "ORDER_SHIPPED", "2026-03-13T09:00:00Z");
    parcel("O3", 1, "sofia", "SHIPPED", "2026-03-13T09:00:00Z", null);
    parcel("O3", 2, "madrid", "CANCELLED", null, null);
    pick("O3", 1, "LAMP-DESK-LED", 1, "2026-03-12T15:00:00Z");

    order("O4", "STOCK_RESERVED", "CARD", "WEB_SHOP", "EUR", "2026-03-12T09:30:00Z", "madrid", null, null, null,
        "O3", "2026-03-14T09:30:00Z");
    line("O4", 1, "COFFEE-BEANS-1KG", 1, 0, "10.00");
    parcel("O4", 1, "madrid", "PLANNED", null, null);

    order("O5", "AWAITING_STOCK", "BANK_TRANSFER", "MARKETPLACE", "EUR", "2026-03-10T09:00:00Z", null, null, null,
        null, "O2", null);
    line("O5", 1, "BOTTLE-STEEL-750", 1, 0, "5.00");

    order("O6", "CANCELLED", "CARD", "MARKETPLACE", "EUR", "2026-03-31T23:59:59Z", null, null, null, null, null, null);
    line("O6", 1, "PRINT-LIMITED", 1, 0, "100.00");
    milestone("O6", null, "ORDER_CANCELLED", "2026-04-01T08:00:00Z");

    order("O9", "PAYMENT_AUTHORIZED", "CARD", "WEB_SHOP", "PLN", "2026-03-20T10:00:00Z", "warsaw", null, null, "15.00",
        null, null);
    line("O9", 1, "JEANS-SLIM-W32", 2, 0, "99.00");
    milestone("O9", null, "ORDER_PAYMENT_AUTHORIZED", "2026-03-20T11:00:00Z");
    parcel("O9", 1, "warsaw", "BOOKED", null, null);

    order("O7", "DELIVERED", "CARD", "WEB_SHOP", "EUR", "2026-02-28T23:59:59Z", "warsaw", null, null, "3.00", null,
        null);
    line("O7", 1, "YOGA-MAT", 5, 0, "10.00");
    milestone("O7", null, "ORDER_PAYMENT_AUTHORIZED", "2026-03-01T01:00:00Z");
    milestone("O7", null, "ORDER_DELIVERED", "2026-03-03T01:00:00Z");
    parcel("O7", 1, "warsaw", "DELIVERED", "2026-03-02T01:00:00Z", "2026-03-02T02:00:00Z");

    order("O8", "PLACED", "INVOICE", "SEARCH", "EUR", "2026-04-01T00:00:00Z", null, null, null, null, null, null);
    line("O8", 1, "YOGA-MAT", 1, 0, "10.00");
  }

  private void order(String id, String status, String method, String channel, String currency, String placedAt,
      String warehouse, String slotDate, String slotWindow, String shippingCost, String backorderFor,
      String allocatedAt) {
    jdbc.update("""
        insert into customer_order (id, order_number, status, customer_name, customer_email, ship_street,
          ship_postal_code, ship_city, ship_country, currency, total_amount, payment_method, channel, warehouse_id,
          delivery_date, delivery_window, shipping_cost, backorder_for_order_id, backorder_for_order_number,
          stock_allocated_at, placed_at, updated_at)
        values (?, ?, ?, 'Ana García', 'ana@example.com', 'Calle Mayor 1', '28013', 'Madrid', 'ES', ?, 0, ?, ?, ?, ?, ?,
          ?, ?, ?, ?, ?, ?)""",
        id, "KPI-" + id, status, currency, method, channel, warehouse,
        slotDate == null ? null : java.time.LocalDate.parse(slotDate), slotWindow,
        shippingCost == null ? null : new java.math.BigDecimal(shippingCost), backorderFor,
        backorderFor == null ? null : "KPI-" + backorderFor, utc(allocatedAt), utc(placedAt), utc(placedAt));
  }

  private void line(String orderId, int lineNo, String sku, int quantity, int unavailable, String unitPrice) {
    jdbc.update("""
        insert into order_line (order_id, line_no, sku, product_name, quantity, unit_price, unavailable_quantity)
        values (?, ?, ?, ?, ?, ?, ?)""", orderId, lineNo, sku, sku, quantity, new java.math.BigDecimal(unitPrice),
        unavailable);
  }

  private void milestone(String orderId, Integer shipmentNo, String milestone, String at) {
    jdbc.update("insert into order_milestone (order_id, shipment_no, milestone, occurred_at) values (?, ?, ?, ?)",
        orderId, shipmentNo, milestone, utc(at));
  }

  private void parcel(String orderId, int shipmentNo, String warehouse, String status, String handedOverAt,
      String eta) {
    jdbc.update("""
        insert into order_shipment (order_id, shipment_no, warehouse_id, distance_km, weight_grams, status,
          handed_over_at, estimated_delivery)
        values (?, ?, ?, 10.0, 1000, ?, ?, ?)""", orderId, shipmentNo, warehouse, status, utc(handedOverAt), utc(eta));
  }

  private void pick(String orderId, int shipmentNo, String sku, int unitNo, String pickedAt) {
    jdbc.update("""
        insert into pick_scan (order_id, shipment_no, sku, unit_no, scanned_at, picked_at)
        values (?, ?, ?, ?, ?, ?)""", orderId, shipmentNo, sku, unitNo, utc(pickedAt), utc(pickedAt));
  }

  private void rma(String id, String orderId, String reason, String warehouse, String sku, int requested,
      Integer received) {
    jdbc.update("""
        insert into return_request (id, rma_number, order_id, kind, reason, refund_choice, status, requested_by,
          requested_at, warehouse_id, days_since_delivery, updated_at)
        values (?, ?, ?, 'RETURN', ?, 'ORIGINAL_PAYMENT', ?, 'ana', ?, ?, 3, ?)""", id, "RMA-KPI-" + id, orderId,
        reason, received == null ? "AWAITING_PARCEL" : "INSPECTED", utc("2026-03-20T10:00:00Z"), warehouse,
        utc("2026-03-20T10:00:00Z"));
    jdbc.update("""
        insert into return_line (return_id, line_no, sku, product_name, requested_quantity, unit_price,
          received_quantity)
        values (?, 1, ?, ?, ?, 10.00, ?)""", id, sku, sku, requested, received);
  }

  /** A UTC instant as the wall-clock value the application stores (hibernate.jdbc.time_zone=UTC). */
  private static LocalDateTime utc(String instant) {
    return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
  }
}
