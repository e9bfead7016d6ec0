package io.orderflow.fulfillment.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "warehouse")
public class Warehouse {

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String city;

  @Column(nullable = false)
  private String country;

  @Column(nullable = false)
  private BigDecimal latitude;

  @Column(nullable = false)
  private BigDecimal longitude;

  protected Warehouse() {}

  public String id() { return id; }
  public String name() { return name; }
  public String city() { return city; }
  public String country() { return country; }
  public BigDecimal latitude() { return latitude; }
  public BigDecimal longitude() { return longitude; }
}
