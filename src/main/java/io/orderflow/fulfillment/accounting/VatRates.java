package io.orderflow.fulfillment.accounting;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The VAT rate of a sale, in percent: by the destination country, reduced for the categories that warrant it. */
@Component
class VatRates {

  private final VatSettings settings;

  VatRates(VatSettings settings) {
    this.settings = settings;
  }

  /** The standard rate of the country (e.g. shipping), or the configured default for a country without one. */
  BigDecimal standard(String country) {
    return settings.standard().getOrDefault(key(country), settings.defaultRate());
  }

  /** The rate for goods of this category sent to this country. */
  BigDecimal forGoods(String country, String category) {
    if (category != null && settings.reducedCategories().contains(category.toLowerCase(Locale.ROOT))) {
      BigDecimal reduced = settings.reduced().get(key(country));
      if (reduced != null) {
        return reduced;
      }
    }
    return standard(country);
  }

  private static String key(String country) {
    return country == null ? "" : country.toUpperCase(Locale.ROOT);
  }
}
