package io.orderflow.fulfillment.routing;

/** The area a postal code lies in: the longest matching prefix of the table, located at the area's main town. */
public record PostalArea(String country, String prefix, String name, GeoPoint location) {}
