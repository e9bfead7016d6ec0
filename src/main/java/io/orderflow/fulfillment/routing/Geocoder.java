package io.orderflow.fulfillment.routing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locates a delivery address by its postal code: the longest prefix of the code's digits that the
 * {@code postal_code_area} table knows for the country. The table is small reference data that changes only with a
 * migration, so it is read once, in a read-only transaction, at first use and then kept in memory.
 */
@Service
public class Geocoder {

  private static final Logger log = LoggerFactory.getLogger(Geocoder.class);

  /** The longest prefix the table's {@code prefix} column can hold. */
  private static final int MAX_PREFIX_LENGTH = 10;

  private final PostalCodeAreaRepository repository;
  private final TransactionTemplate readOnly;

  /** Country → prefix → area; null until first use. */
  private volatile Map<String, Map<String, PostalArea>> areas;

  Geocoder(PostalCodeAreaRepository repository, PlatformTransactionManager txManager) {
    this.repository = repository;
    this.readOnly = new TransactionTemplate(txManager);
    this.readOnly.setReadOnly(true);
  }

  /**
   * Where an address with this postal code lies (the main town of its area).
   *
   * @throws UnknownPostalCodeException if no area of the country matches
   */
  public GeoPoint locate(String country, String postalCode) {
    return area(country, postalCode).location();
  }

  /**
   * The area an address with this postal code lies in. The code is compared by its digits only ("30-001" and
   * "30001" are the same code); the country is an ISO 3166-1 alpha-2 code in any case.
   *
   * @throws UnknownPostalCodeException if no area of the country matches
   */
  public PostalArea area(String country, String postalCode) {
    String countryCode = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    String digits = postalCode == null ? "" : postalCode.replaceAll("[^0-9]", "");
    Map<String, PostalArea> byPrefix = areas().getOrDefault(countryCode, Map.of());
    for (int length = Math.min(digits.length(), MAX_PREFIX_LENGTH); length > 0; length--) {
      PostalArea area = byPrefix.get(digits.substring(0, length));
      if (area != null) {
        return area;
      }
    }
    throw new UnknownPostalCodeException(country, postalCode);
  }

  private Map<String, Map<String, PostalArea>> areas() {
    Map<String, Map<String, PostalArea>> loaded = areas;
    if (loaded == null) {
      synchronized (this) {
        loaded = areas;
        if (loaded == null) {
          loaded = readOnly.execute(status -> load());
          areas = loaded;
        }
      }
    }
    return loaded;
  }

  private Map<String, Map<String, PostalArea>> load() {
    Map<String, Map<String, PostalArea>> byCountry = new HashMap<>();
    int rows = 0;
    for (PostalCodeArea row : repository.findAll()) {
      PostalArea area = row.toArea();
      byCountry.computeIfAbsent(area.country(), c -> new HashMap<>()).put(area.prefix(), area);
      rows++;
    }
    log.info("Loaded {} postal-code areas of {} countries", rows, byCountry.size());
    Map<String, Map<String, PostalArea>> frozen = new HashMap<>();
    byCountry.forEach((country, byPrefix) -> frozen.put(country, Map.copyOf(byPrefix)));
    return Map.copyOf(frozen);
  }
}
