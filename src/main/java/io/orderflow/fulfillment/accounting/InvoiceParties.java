package io.orderflow.fulfillment.accounting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Seller and buyer as printed on a VAT invoice, copied onto the credit notes that correct it: a document keeps the
 * names and addresses of its day, whatever changes later.
 */
@Embeddable
class InvoiceParties {

  @Column(name = "seller_name", nullable = false)
  private String sellerName;

  @Column(name = "seller_address", nullable = false)
  private String sellerAddress;

  @Column(name = "seller_vat_id", nullable = false)
  private String sellerVatId;

  @Column(name = "buyer_name", nullable = false)
  private String buyerName;

  @Column(name = "buyer_email", nullable = false)
  private String buyerEmail;

  @Column(name = "buyer_street", nullable = false)
  private String buyerStreet;

  @Column(name = "buyer_postal_code", nullable = false)
  private String buyerPostalCode;

  @Column(name = "buyer_city", nullable = false)
  private String buyerCity;

  @Column(name = "buyer_country", nullable = false)
  private String buyerCountry;

  protected InvoiceParties() {}

  InvoiceParties(SellerSettings seller, String buyerName, String buyerEmail, String buyerStreet,
      String buyerPostalCode, String buyerCity, String buyerCountry) {
    this(seller.name(), seller.address(), seller.vatId(), buyerName, buyerEmail, buyerStreet, buyerPostalCode,
        buyerCity, buyerCountry);
  }

  private InvoiceParties(String sellerName, String sellerAddress, String sellerVatId, String buyerName,
      String buyerEmail, String buyerStreet, String buyerPostalCode, String buyerCity, String buyerCountry) {
    this.sellerName = sellerName;
    this.sellerAddress = sellerAddress;
    this.sellerVatId = sellerVatId;
    this.buyerName = buyerName;
    this.buyerEmail = buyerEmail;
    this.buyerStreet = buyerStreet;
    this.buyerPostalCode = buyerPostalCode;
    this.buyerCity = buyerCity;
    this.buyerCountry = buyerCountry;
  }

  /** The same parties for another document (each entity owns its embedded values). */
  InvoiceParties copy() {
    return new InvoiceParties(sellerName, sellerAddress, sellerVatId, buyerName, buyerEmail, buyerStreet,
        buyerPostalCode, buyerCity, buyerCountry);
  }

  String sellerName() { return sellerName; }
  String sellerAddress() { return sellerAddress; }
  String sellerVatId() { return sellerVatId; }
  String buyerName() { return buyerName; }
  String buyerEmail() { return buyerEmail; }
  String buyerStreet() { return buyerStreet; }
  String buyerPostalCode() { return buyerPostalCode; }
  String buyerCity() { return buyerCity; }
  String buyerCountry() { return buyerCountry; }
}
