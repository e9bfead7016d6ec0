package io.orderflow.fulfillment.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The shipping cost of one parcel of an order, claimed by the one RMA that refunds it (unique per parcel). */
@Entity
@Table(name = "return_shipping_refund")
class ReturnShippingRefund {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "shipment_no", nullable = false)
  private int shipmentNo;

  @Column(name = "return_id", nullable = false)
  private String returnId;

  @Column(nullable = false)
  private BigDecimal amount;

  protected ReturnShippingRefund() {}

  ReturnShippingRefund(String orderId, int shipmentNo, String returnId, BigDecimal amount) {
    this.orderId = orderId;
    this.shipmentNo = shipmentNo;
    this.returnId = returnId;
    this.amount = amount;
  }

  int shipmentNo() { return shipmentNo; }
  String returnId() { return returnId; }
  BigDecimal amount() { return amount; }
}
