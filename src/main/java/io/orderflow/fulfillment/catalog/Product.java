package io.orderflow.fulfillment.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;

/** A sellable article: one row per size/colour variant, grouped by its model code. */
@Entity
@Table(name = "product")
public class Product {

  @Id
  private String sku;

  @Column(name = "model_code", nullable = false)
  private String modelCode;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String category;

  private String variant;

  @Column(name = "price_amount", nullable = false)
  private BigDecimal priceAmount;

  @Column(name = "price_currency", nullable = false)
  private String priceCurrency;

  @Column(name = "weight_grams", nullable = false)
  private int weightGrams;

  @Column(nullable = false)
  private boolean serialized;

  protected Product() {}

  public Product(String sku, String modelCode, String name, String category, String variant, BigDecimal price,
      Currency currency, int weightGrams, boolean serialized) {
    this.sku = sku;
    this.modelCode = modelCode;
    this.name = name;
    this.category = category;
    this.variant = variant;
    this.priceAmount = price;
    this.priceCurrency = currency.getCurrencyCode();
    this.weightGrams = weightGrams;
    this.serialized = serialized;
  }

  public String sku() { return sku; }
  public String modelCode() { return modelCode; }
  public String name() { return name; }
  public String category() { return category; }
  public String variant() { return variant; }
  public BigDecimal price() { return priceAmount; }
  public Currency currency() { return Currency.getInstance(priceCurrency); }
  public int weightGrams() { return weightGrams; }
  public boolean serialized() { return serialized; }

  /** Name shown on pick lists, e-mails and invoices: "Zip hoodie (Size M)". */
  public String displayName() {
    return variant == null ? name : name + " (" + variant + ")";
  }
}
