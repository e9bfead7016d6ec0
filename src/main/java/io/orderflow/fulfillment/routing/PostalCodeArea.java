package io.orderflow.fulfillment.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** One row of the reference table {@code postal_code_area} (seeded by migration V3, read only). */
@Entity
@Table(name = "postal_code_area")
@IdClass(PostalCodeArea.Key.class)
class PostalCodeArea {

  record Key(String country, String prefix) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  private String country;

  @Id
  private String prefix;

  @Column(name = "area_name", nullable = false)
  private String areaName;

  @Column(nullable = false)
  private BigDecimal latitude;

  @Column(nullable = false)
  private BigDecimal longitude;

  protected PostalCodeArea() {}

  PostalArea toArea() {
    return new PostalArea(country, prefix, areaName, GeoPoint.of(latitude, longitude));
  }
}
