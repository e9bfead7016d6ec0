package io.orderflow.fulfillment.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "order_line")
class OrderLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id")
  private CustomerOrder order;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(nullable = false)
  private String sku;

  @Column(name = "product_name", nullable = false)
  private String productName;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price", nullable = false)
  private BigDecimal unitPrice;

  @Column(name = "unavailable_quantity", nullable = false)
  private int unavailableQuantity;

  protected OrderLine() {}

  OrderLine(CustomerOrder order, int lineNo, String sku, String productName, int quantity, BigDecimal unitPrice) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    this.order = order;
    this.lineNo = lineNo;
    this.sku = sku;
    this.productName = productName;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
  }

  int lineNo() { return lineNo; }
  String sku() { return sku; }
  String productName() { return productName; }
  int quantity() { return quantity; }
  BigDecimal unitPrice() { return unitPrice; }
  BigDecimal lineTotal() { return unitPrice.multiply(BigDecimal.valueOf(quantity)); }
  int unavailableQuantity() { return unavailableQuantity; }
  /** Units that ship with this order (the unavailable ones are backordered or the order is cancelled). */
  int shippableQuantity() { return quantity - unavailableQuantity; }
  BigDecimal shippableTotal() { return unitPrice.multiply(BigDecimal.valueOf(shippableQuantity())); }

  void unavailable(int units) {
    if (units < 0 || units > quantity) {
      throw new IllegalArgumentException("unavailable units must be between 0 and " + quantity);
    }
    this.unavailableQuantity = units;
  }
}
