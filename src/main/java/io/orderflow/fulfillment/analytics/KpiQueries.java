package io.orderflow.fulfillment.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reads behind the KPIs: plain SELECTs over the order, warehouse and returns tables (no window functions, no
 * vendor functions), so H2, MariaDB and MySQL 8 answer alike. Timestamps are UTC wall-clock values (as Hibernate
 * writes them with {@code hibernate.jdbc.time_zone=UTC}), read and bound as {@link LocalDateTime} in UTC.
 *
 * <p>Every query is limited to the orders of a {@link Scope}: placed in [from 00:00, to + 1 day 00:00) UTC and, when a
 * warehouse is named, whose main warehouse or one of whose parcels is that warehouse.
 */
@Repository
class KpiQueries {

  /** The orders a report is about. */
  record Scope(LocalDate from, LocalDate to, String warehouse) {

    String where() {
      return "o.placed_at >= :from and o.placed_at < :until" + (warehouse == null ? ""
          : " and (o.warehouse_id = :warehouse or exists (select 1 from order_shipment ws"
              + " where ws.order_id = o.id and ws.warehouse_id = :warehouse))");
    }

    MapSqlParameterSource parameters() {
      return new MapSqlParameterSource().addValue("from", from.atStartOfDay())
          .addValue("until", to.plusDays(1).atStartOfDay()).addValue("warehouse", warehouse);
    }
  }

  record OrderRow(String id, String status, String paymentMethod, String channel, String currency, Instant placedAt,
      LocalDate slotDate, String slotWindow, BigDecimal shippingCost, boolean backorder, Instant stockAllocatedAt) {}

  record MilestoneRow(String orderId, String milestone, Instant occurredAt) {}

  record PickRow(String orderId, Instant lastPickedAt) {}

  record ParcelRow(String orderId, int shipmentNo, String status, Instant handedOverAt, Instant estimatedDelivery) {}

  record LineRow(String orderId, int quantity, int unavailable, BigDecimal unitPrice) {}

  record ReturnRow(String orderId, String returnId, String reason, int receivedUnits) {}

  /** The milestones a KPI reads (see CustomerOrder: ORDER_ + the new status, written once per transition). */
  static final List<String> MILESTONES = List.of("ORDER_PAYMENT_AUTHORIZED", "ORDER_SHIPPED", "ORDER_DELIVERED");

  private final NamedParameterJdbcTemplate jdbc;

  KpiQueries(JdbcTemplate jdbc) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
  }

  boolean warehouseExists(String id) {
    Integer n = jdbc.queryForObject("select count(*) from warehouse where id = :id",
        new MapSqlParameterSource("id", id), Integer.class);
    return n != null && n > 0;
  }

  List<OrderRow> orders(Scope scope) {
    return jdbc.query("""
        select o.id, o.status, o.payment_method, o.channel, o.currency, o.placed_at, o.delivery_date,
          o.delivery_window, o.shipping_cost, o.backorder_for_order_id, o.stock_allocated_at
        from customer_order o where\s""" + scope.where(), scope.parameters(),
        (rs, i) -> new OrderRow(rs.getString("id"), rs.getString("status"), rs.getString("payment_method"),
            rs.getString("channel"), rs.getString("currency"), instant(rs, "placed_at"),
            rs.getObject("delivery_date", LocalDate.class), rs.getString("delivery_window"),
            rs.getBigDecimal("shipping_cost"), rs.getString("backorder_for_order_id") != null,
            instant(rs, "stock_allocated_at")));
  }

  List<MilestoneRow> milestones(Scope scope) {
    return jdbc.query("""
        select m.order_id, m.milestone, m.occurred_at
        from order_milestone m join customer_order o on o.id = m.order_id
        where m.shipment_no is null and m.milestone in (:milestones) and\s""" + scope.where(),
        scope.parameters().addValue("milestones", MILESTONES),
        (rs, i) -> new MilestoneRow(rs.getString("order_id"), rs.getString("milestone"), instant(rs, "occurred_at")));
  }

  /** When the last parcel of each order was picked (pick_scan.picked_at: the pick task's completion). */
  List<PickRow> picks(Scope scope) {
    return jdbc.query("""
        select p.order_id, max(p.picked_at) as last_picked_at
        from pick_scan p join customer_order o on o.id = p.order_id
        where p.picked_at is not null and\s""" + scope.where() + " group by p.order_id", scope.parameters(),
        (rs, i) -> new PickRow(rs.getString("order_id"), instant(rs, "last_picked_at")));
  }

  List<ParcelRow> parcels(Scope scope) {
    return jdbc.query("""
        select s.order_id, s.shipment_no, s.status, s.handed_over_at, s.estimated_delivery
        from order_shipment s join customer_order o on o.id = s.order_id where\s""" + scope.where(),
        scope.parameters(),
        (rs, i) -> new ParcelRow(rs.getString("order_id"), rs.getInt("shipment_no"), rs.getString("status"),
            instant(rs, "handed_over_at"), instant(rs, "estimated_delivery")));
  }

  List<LineRow> lines(Scope scope) {
    return jdbc.query("""
        select l.order_id, l.quantity, l.unavailable_quantity, l.unit_price
        from order_line l join customer_order o on o.id = l.order_id where\s""" + scope.where(), scope.parameters(),
        (rs, i) -> new LineRow(rs.getString("order_id"), rs.getInt("quantity"), rs.getInt("unavailable_quantity"),
            rs.getBigDecimal("unit_price")));
  }

  /** One row per RMA line (an RMA without lines still gives one row, with no units). */
  List<ReturnRow> returns(Scope scope) {
    return jdbc.query("""
        select r.order_id, r.id as return_id, r.reason, coalesce(rl.received_quantity, 0) as received
        from return_request r join customer_order o on o.id = r.order_id
          left join return_line rl on rl.return_id = r.id
        where\s""" + scope.where(), scope.parameters(),
        (rs, i) -> new ReturnRow(rs.getString("order_id"), rs.getString("return_id"), rs.getString("reason"),
            rs.getInt("received")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
