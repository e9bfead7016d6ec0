package io.orderflow.fulfillment.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The postal-code areas of migration V3 on the embedded runtime's database (H2 in MySQL mode, without demo data: the
 * table is reference data of every environment), read through the {@link Geocoder}.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({Geocoder.class, ShipmentPlanner.class})
@DisplayName("Locating a delivery address by its postal code")
class GeocoderTest {

  @Autowired
  Geocoder geocoder;

  @Autowired
  ShipmentPlanner planner;

  @Autowired
  JdbcTemplate jdbc;

  @ParameterizedTest(name = "{0} {1} lies in {2}")
  @CsvSource({
      // country, postal code, area,     latitude, longitude of the area's main town
      "ES,        46001,       Valencia,  39.4699, -0.3763",
      "ES,        28013,       Madrid,    40.4168, -3.7038",
      "PL,        30-001,      Kraków,    50.0647, 19.9450",
      "PL,        00-950,      Warszawa,  52.2297, 21.0122",
      "BG,        4000,        Plovdiv,   42.1354, 24.7453",
      "BG,        1000,        Sofia,     42.6977, 23.3219",
      "BG,        9000,        Varna,     43.2141, 27.9147",
  })
  @DisplayName("A postal code is located at the main town of its area")
  void locatesPostalCodes(String country, String postalCode, String area, double latitude, double longitude) {
    // when
    PostalArea found = geocoder.area(country, postalCode);
    GeoPoint location = geocoder.locate(country, postalCode);

    // then
    assertThat(found.name()).isEqualTo(area);
    assertThat(location).isEqualTo(found.location());
    assertThat(location.latitude()).isCloseTo(latitude, within(1e-6));
    assertThat(location.longitude()).isCloseTo(longitude, within(1e-6));
  }

  @ParameterizedTest(name = "{0} {1} → prefix {2} ({3})")
  @CsvSource({
      // country, postal code, longest prefix, area
      "PL,        31-564,      31,             Kraków",
      "PL,        32-020,      3,              Kraków postal district",
      "PL,        05-500,      0,              Warszawa postal district",
      "PL,        90 001,      90,             Łódź",
      "BG,        4003,        40,             Plovdiv",
      "BG,        4700,        47,             Smolyan",
      "BG,        4990,        4,              Plovdiv region",
      "ES,        07001,       07,             Illes Balears (Palma)",
  })
  @DisplayName("The longest known prefix of the code's digits wins over a shorter one")
  void longestPrefixWins(String country, String postalCode, String prefix, String area) {
    // when
    PostalArea found = geocoder.area(country, postalCode);

    // then
    assertThat(found.prefix()).isEqualTo(prefix);
    assertThat(found.name()).isEqualTo(area);
  }

  @Test
  @DisplayName("Country codes in lower case and postal codes with spaces or dashes are understood")
  void normalisesTheInput() {
    // when / then
    assertThat(geocoder.area(" pl ", " 30 001 ").prefix()).isEqualTo("30");
    assertThat(geocoder.area("es", "46-001").name()).isEqualTo("Valencia");
  }

  @ParameterizedTest(name = "{0} \"{1}\"")
  @CsvSource({
      "ES, 99999",
      "ES, 60001",
      "FR, 75001",
      "BG, 0100",
      "PL, no-digits",
  })
  @DisplayName("A postal code no area matches is refused with a message naming the code and the country")
  void refusesUnknownPostalCodes(String country, String postalCode) {
    // when / then
    assertThatThrownBy(() -> geocoder.locate(country, postalCode))
        .isInstanceOf(UnknownPostalCodeException.class)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no known area for postal code " + postalCode + " in country " + country)
        .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
            .extracting(InvalidRequestException.FieldProblem::field).containsExactly("shippingAddress.postalCode"));
  }

  @Test
  @DisplayName("Spain has one area per province, 01 to 52; Poland one per postal district at least; Bulgaria one per region")
  void seededForTheDemoCountries() {
    // when
    List<String> spanish = jdbc.queryForList(
        "select prefix from postal_code_area where country = 'ES' order by prefix", String.class);
    List<String> polishDistricts = jdbc.queryForList(
        "select prefix from postal_code_area where country = 'PL' and char_length(prefix) = 1 order by prefix",
        String.class);
    List<String> bulgarianRegions = jdbc.queryForList(
        "select prefix from postal_code_area where country = 'BG' and char_length(prefix) = 1 order by prefix",
        String.class);

    // then
    assertThat(spanish).containsExactlyElementsOf(IntStream.rangeClosed(1, 52).mapToObj("%02d"::formatted).toList());
    assertThat(polishDistricts).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(bulgarianRegions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(jdbc.queryForList("select distinct country from postal_code_area order by country", String.class))
        .containsExactly("BG", "ES", "PL");
  }

  @Test
  @DisplayName("Every area lies inside its country")
  void everyAreaLiesInItsCountry() {
    // given: generous boxes around each country, the Canaries, Ceuta and Melilla included
    Map<String, double[]> boxes = Map.of(
        "ES", new double[] {27.5, 44.0, -18.5, 4.5},
        "PL", new double[] {49.0, 55.0, 14.0, 24.2},
        "BG", new double[] {41.2, 44.3, 22.3, 28.7});

    // when
    List<Map<String, Object>> rows = jdbc.queryForList("select country, prefix, latitude, longitude from postal_code_area");

    // then
    assertThat(rows).hasSizeGreaterThan(150).allSatisfy(row -> {
      double[] box = boxes.get((String) row.get("country"));
      double latitude = ((Number) row.get("latitude")).doubleValue();
      double longitude = ((Number) row.get("longitude")).doubleValue();
      assertThat(latitude).as("latitude of %s %s", row.get("country"), row.get("prefix")).isBetween(box[0], box[1]);
      assertThat(longitude).as("longitude of %s %s", row.get("country"), row.get("prefix")).isBetween(box[2], box[3]);
    });
  }

  @Test
  @DisplayName("The table is read once and then answered from memory")
  void answersFromMemoryAfterFirstUse() {
    // given
    assertThat(geocoder.area("BG", "9000").name()).isEqualTo("Varna");
    jdbc.update("delete from postal_code_area where country = 'BG'"); // rolled back after the test

    // when
    PostalArea varna = geocoder.area("BG", "9000");

    // then
    assertThat(varna.name()).isEqualTo("Varna");
  }

  @ParameterizedTest(name = "{0} {1} ({2}) ships from {3}")
  @CsvSource({
      "ES, 46001,  Valencia, madrid",
      "PL, 30-001, Kraków,   warsaw",
      "BG, 4000,   Plovdiv,  sofia",
  })
  @DisplayName("An address is routed to the nearest demo warehouse that holds the goods")
  void routesAddressesToTheNearestWarehouse(String country, String postalCode, String city, String warehouse) {
    // given: the demo warehouses, each holding the whole order
    Map<String, Integer> stock = Map.of("TSHIRT-ORG-M", 10, "MUG-CERAMIC", 10);
    List<CandidateWarehouse> warehouses = List.of(
        new CandidateWarehouse("madrid", new GeoPoint(40.4168, -3.7038), stock),
        new CandidateWarehouse("warsaw", new GeoPoint(52.2297, 21.0122), stock),
        new CandidateWarehouse("sofia", new GeoPoint(42.6977, 23.3219), stock));
    LinkedHashMap<String, Integer> order = new LinkedHashMap<>(Map.of("TSHIRT-ORG-M", 2));

    // when
    RoutingPlan plan = planner.plan(order, geocoder.locate(country, postalCode), warehouses);

    // then
    assertThat(plan.shipments()).singleElement().satisfies(s -> {
      assertThat(s.warehouseId()).isEqualTo(warehouse);
      assertThat(s.lines()).containsExactly(Map.entry("TSHIRT-ORG-M", 2));
    });
  }
}
