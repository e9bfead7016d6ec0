package io.orderflow.fulfillment.routing;

import java.math.BigDecimal;

/**
 * A place on the Earth in WGS84 degrees (north and east positive). Distances are great-circle distances on a sphere of
 * the mean Earth radius, by the haversine formula: within about 0.5 % of the ellipsoidal distance, which is plenty for
 * choosing a warehouse.
 */
public record GeoPoint(double latitude, double longitude) {

  /** Mean radius R1 = (2a + b) / 3 of the WGS84/GRS80 ellipsoid, as the IUGG recommends for spherical models. */
  public static final double EARTH_MEAN_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new IllegalArgumentException("latitude must be between -90 and 90 degrees, was " + latitude);
    }
    if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new IllegalArgumentException("longitude must be between -180 and 180 degrees, was " + longitude);
    }
  }

  /** From the {@code decimal(9,6)} columns the database keeps coordinates in. */
  public static GeoPoint of(BigDecimal latitude, BigDecimal longitude) {
    return new GeoPoint(latitude.doubleValue(), longitude.doubleValue());
  }

  /** Great-circle distance to {@code other} in kilometres (haversine formula). */
  public double distanceKmTo(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
    double sinHalfDeltaLambda = Math.sin(Math.toRadians(other.longitude - longitude) / 2);
    double h = sinHalfDeltaPhi * sinHalfDeltaPhi
        + Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
    // min(1, …): rounding can push h a hair above 1 for antipodal points.
    return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
