package io.orderflow.fulfillment.accounting;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * VAT on the shop's invoices (B2C distance sales: the rate of the country the parcel goes to), in percent.
 *
 * @param defaultRate {@code fulfillment.accounting.vat.default-rate}: for a destination without its own rate
 * @param standard {@code fulfillment.accounting.vat.standard}: the standard rate per ISO country code
 * @param reduced {@code fulfillment.accounting.vat.reduced}: the reduced rate per country, for the categories below
 * @param reducedCategories {@code fulfillment.accounting.vat.reduced-categories}: product categories taxed at the
 *     reduced rate (e.g. books)
 * @param timeZone {@code fulfillment.accounting.vat.time-zone}: decides the issue date and the invoice year
 */
@ConfigurationProperties("fulfillment.accounting.vat")
record VatSettings(@DefaultValue("21") BigDecimal defaultRate, Map<String, BigDecimal> standard,
    Map<String, BigDecimal> reduced, Set<String> reducedCategories, @DefaultValue("Europe/Madrid") ZoneId timeZone) {

  VatSettings {
    standard = standard == null ? Map.of() : Map.copyOf(standard);
    reduced = reduced == null ? Map.of() : Map.copyOf(reduced);
    reducedCategories = reducedCategories == null ? Set.of() : Set.copyOf(reducedCategories);
  }
}
