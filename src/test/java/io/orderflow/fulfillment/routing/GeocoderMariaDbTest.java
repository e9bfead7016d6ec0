package io.orderflow.fulfillment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Migration V3's postal-code areas on MariaDB, as production reads them on MySQL 8. */
@MariaDbJpaTest
@Import(Geocoder.class)
@DisplayName("Postal-code areas on MariaDB")
class GeocoderMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  @Autowired
  Geocoder geocoder;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  @DisplayName("Area names keep their accents and coordinates their six decimals")
  void namesAndCoordinatesSurviveTheRoundTrip() {
    // when
    PostalArea lodz = geocoder.area("PL", "90-001");
    PostalArea alava = geocoder.area("ES", "01001");

    // then
    assertThat(lodz.name()).isEqualTo("Łódź");
    assertThat(lodz.location()).isEqualTo(new GeoPoint(51.7592, 19.4560));
    assertThat(alava.name()).isEqualTo("Álava (Vitoria-Gasteiz)");
    assertThat(geocoder.area("PL", "30-001").name()).isEqualTo("Kraków");
    assertThat(geocoder.locate("BG", "1000")).isEqualTo(new GeoPoint(42.6977, 23.3219));
  }

  @Test
  @DisplayName("Every seeded area arrived (52 Spanish, 93 Polish, 46 Bulgarian) and the check constraints exist")
  void seedAndConstraints() {
    // when
    List<String> perCountry = jdbc.queryForList(
        "select concat(country, '=', count(*)) from postal_code_area group by country order by country", String.class);
    List<String> checks = jdbc.queryForList("""
        select constraint_name from information_schema.check_constraints
        where constraint_schema = database() and constraint_name like 'ck_postal_code_area%'
        order by constraint_name""", String.class);

    // then
    assertThat(perCountry).containsExactly("BG=46", "ES=52", "PL=93");
    assertThat(checks).containsExactly("ck_postal_code_area_latitude", "ck_postal_code_area_longitude");
  }
}
