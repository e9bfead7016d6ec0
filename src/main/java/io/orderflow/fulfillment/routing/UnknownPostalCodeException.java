package io.orderflow.fulfillment.routing;

import io.orderflow.fulfillment.shared.InvalidRequestException;

/** No postal-code area of the country matches the code: the address cannot be located (400 on the API). */
public class UnknownPostalCodeException extends InvalidRequestException {

  private final String country;
  private final String postalCode;

  public UnknownPostalCodeException(String country, String postalCode) {
    super("shippingAddress.postalCode",
        "no known area for postal code " + postalCode + " in country " + country);
    this.country = country;
    this.postalCode = postalCode;
  }

  public String country() {
    return country;
  }

  public String postalCode() {
    return postalCode;
  }
}
