package io.orderflow.fulfillment.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * References:
 * <ul>
 *   <li>Sofia (42.698334, 23.319941) to Plovdiv (42.136097, 24.742168) is 132 433.099 m and New York (40.7128,
 *       -74.006) to London (51.5074, -0.1278) 5 570 230 m: the examples of the Rust {@code geo} crate's haversine
 *       distance (docs.rs/geo), which uses the same IUGG mean radius, so they must agree to the metre.</li>
 *   <li>Madrid to Valencia 303 km and Madrid to Barcelona 505 km: straight-line distances of geodatos.net's matrix of
 *       Spanish cities.</li>
 *   <li>Madrid to Warsaw 2294 km and Kraków to Warsaw 252 km: geodesics on the WGS84 ellipsoid (Vincenty's inverse
 *       formula), computed independently; the sphere is up to about 0.5 % off, hence the 1 % tolerance.</li>
 * </ul>
 */
@DisplayName("Great-circle distance between two places")
class GeoPointTest {

  @ParameterizedTest(name = "{0} to {3}: about {6} km")
  @CsvSource({
      // from,   latitude, longitude, to,        latitude, longitude, km
      "Madrid,   40.4168,  -3.7038,   Warsaw,    52.2297,  21.0122,   2294",
      "Madrid,   40.4168,  -3.7038,   Valencia,  39.4699,  -0.3763,   303",
      "Madrid,   40.4168,  -3.7038,   Barcelona, 41.3874,   2.1686,   505",
      "Kraków,   50.0647,  19.9450,   Warsaw,    52.2297,  21.0122,   252",
  })
  @DisplayName("Distances between cities match published ones within 1 %")
  void knownDistances(String from, double fromLatitude, double fromLongitude, String to, double toLatitude,
      double toLongitude, double expectedKm) {
    // given
    GeoPoint a = new GeoPoint(fromLatitude, fromLongitude);
    GeoPoint b = new GeoPoint(toLatitude, toLongitude);

    // when
    double km = a.distanceKmTo(b);

    // then
    assertThat(km).isCloseTo(expectedKm, withinPercentage(1));
  }

  @Test
  @DisplayName("The haversine formula with the IUGG mean radius gives the reference values to the metre")
  void haversineWithTheMeanEarthRadius() {
    // given
    GeoPoint sofia = new GeoPoint(42.698334, 23.319941);
    GeoPoint plovdiv = new GeoPoint(42.136097, 24.742168);
    GeoPoint newYork = new GeoPoint(40.7128, -74.006);
    GeoPoint london = new GeoPoint(51.5074, -0.1278);

    // when / then
    assertThat(sofia.distanceKmTo(plovdiv)).isCloseTo(132.4330993, within(0.000001));
    assertThat(newYork.distanceKmTo(london)).isCloseTo(5570.230, within(0.001));
  }

  @Test
  @DisplayName("The distance is the same both ways and zero from a place to itself")
  void symmetricAndZeroToItself() {
    // given
    GeoPoint valencia = new GeoPoint(39.4699, -0.3763);
    GeoPoint warsaw = new GeoPoint(52.2297, 21.0122);

    // when / then
    assertThat(valencia.distanceKmTo(warsaw)).isCloseTo(warsaw.distanceKmTo(valencia), within(1e-9));
    assertThat(valencia.distanceKmTo(valencia)).isZero();
  }

  @Test
  @DisplayName("Opposite sides of the Earth are half a great circle apart, not an undefined number")
  void antipodes() {
    // given
    GeoPoint a = new GeoPoint(0, 0);
    GeoPoint b = new GeoPoint(0, 180);
    GeoPoint northPole = new GeoPoint(90, 0);
    GeoPoint southPole = new GeoPoint(-90, 0);

    // when / then
    assertThat(a.distanceKmTo(b)).isCloseTo(Math.PI * GeoPoint.EARTH_MEAN_RADIUS_KM, within(1e-6));
    assertThat(northPole.distanceKmTo(southPole)).isCloseTo(Math.PI * GeoPoint.EARTH_MEAN_RADIUS_KM, within(1e-6));
  }

  @Test
  @DisplayName("Coordinates come from the database's decimal columns, and impossible ones are refused")
  void coordinates() {
    // when / then
    assertThat(GeoPoint.of(new BigDecimal("40.416800"), new BigDecimal("-3.703800")))
        .isEqualTo(new GeoPoint(40.4168, -3.7038));
    assertThatThrownBy(() -> new GeoPoint(90.5, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude");
    assertThatThrownBy(() -> new GeoPoint(0, -180.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longitude");
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
