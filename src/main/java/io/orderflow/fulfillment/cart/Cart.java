package io.orderflow.fulfillment.cart;

import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A shopping cart: lines by SKU (one per size/variant), open until it is checked out into an order. */
@Entity
@Table(name = "cart")
class Cart {

  enum Status { OPEN, CHECKED_OUT }

  static final int MAX_QUANTITY = 100;
  static final int MAX_LINES = 50;

  @Id
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "order_id")
  private String orderId;

  /** The user name of whoever created the cart. */
  @Column(name = "owner")
  private String owner;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private int version;

  @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<CartLine> lines = new ArrayList<>();

  protected Cart() {}

  Cart(String id, String owner, Instant now) {
    this.id = id;
    this.owner = owner;
    this.status = Status.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  String owner() {
    return owner;
  }

  void add(String sku, int quantity, Instant now) {
    requireOpen();
    Optional<CartLine> line = line(sku);
    int total = line.map(CartLine::quantity).orElse(0) + quantity;
    if (total > MAX_QUANTITY) {
      throw new InvalidRequestException("quantity", "at most " + MAX_QUANTITY + " of one article per order (the cart would hold " + total + ")");
    }
    if (line.isPresent()) {
      line.get().quantity(total);
    } else {
      if (lines.size() >= MAX_LINES) {
        throw new InvalidRequestException("sku", "a cart holds at most " + MAX_LINES + " different articles");
      }
      lines.add(new CartLine(this, sku, quantity));
    }
    updatedAt = now;
  }

  void setQuantity(String sku, int quantity, Instant now) {
    requireOpen();
    CartLine line = line(sku).orElseThrow(() -> new NotFoundException("Cart line", sku));
    if (quantity == 0) {
      lines.remove(line);
    } else {
      line.quantity(quantity);
    }
    updatedAt = now;
  }

  void remove(String sku, Instant now) {
    setQuantity(sku, 0, now);
  }

  void checkedOut(String orderId, Instant now) {
    requireOpen();
    if (lines.isEmpty()) {
      throw new InvalidRequestException("lines", "the cart is empty");
    }
    this.status = Status.CHECKED_OUT;
    this.orderId = orderId;
    this.updatedAt = now;
  }

  void requireOpen() {
    if (status != Status.OPEN) {
      throw new ConflictException("Cart " + id + " was already checked out as order " + orderId);
    }
  }

  private Optional<CartLine> line(String sku) {
    return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
  }

  String id() { return id; }
  Status status() { return status; }
  String orderId() { return orderId; }
  List<CartLine> lines() { return Collections.unmodifiableList(lines); }
}
