package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who goods are bought from: where purchase orders go and how long the supplier usually takes. */
@Entity
@Table(name = "supplier")
class Supplier {

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String email;

  @Column(name = "lead_time_days", nullable = false)
  private int leadTimeDays;

  @Column(nullable = false)
  private String currency;

  protected Supplier() {}

  Supplier(String id, String name, String email, int leadTimeDays, String currency) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.leadTimeDays = leadTimeDays;
    this.currency = currency;
  }

  String id() { return id; }
  String name() { return name; }
  String email() { return email; }
  int leadTimeDays() { return leadTimeDays; }
  String currency() { return currency; }
}
