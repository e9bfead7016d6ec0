package io.orderflow.fulfillment.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "cart_line")
class CartLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "cart_id")
  private Cart cart;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private int quantity;

  protected CartLine() {}

  CartLine(Cart cart, String sku, int quantity) {
    this.cart = cart;
    this.sku = sku;
    this.quantity = quantity;
  }

  String sku() { return sku; }
  int quantity() { return quantity; }

  void quantity(int quantity) {
    this.quantity = quantity;
  }
}
