package io.orderflow.fulfillment.notification;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the customer's e-mails link to and promise ({@code fulfillment.*}).
 *
 * @param publicUrl where customers reach the shop, without a trailing slash; the shipped mail links to
 *     {@code <publicUrl>/track/<trackingNumber>} (the tracking page) and {@code <publicUrl>/api/tracking/<trackingNumber>}
 * @param returns the return policy the mails state
 */
@ConfigurationProperties("fulfillment")
record CustomerMailSettings(@DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue Returns returns) {

  /** @param windowDays how many days after delivery an item can be returned */
  record Returns(@DefaultValue("30") int windowDays) {}

  CustomerMailSettings {
    if (publicUrl == null || !publicUrl.isAbsolute() || publicUrl.getHost() == null
        || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))) {
      throw new IllegalArgumentException("fulfillment.public-url must be an absolute http(s) URL, e.g. "
          + "https://shop.example; got " + publicUrl);
    }
    String base = publicUrl.toString();
    publicUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    returns = returns == null ? new Returns(30) : returns;
    if (returns.windowDays() < 1) {
      throw new IllegalArgumentException("fulfillment.returns.window-days must be at least 1");
    }
  }

  /** The settings of a developer's machine. */
  static CustomerMailSettings defaults() {
    return new CustomerMailSettings(URI.create("http://localhost:8080"), new Returns(30));
  }

  /** The public tracking page of a parcel. */
  String trackingPage(String trackingNumber) {
    return publicUrl + "/track/" + pathSegment(trackingNumber);
  }

  /** The public tracking API of a parcel ({@code GET /api/tracking/{trackingNumber}}). */
  String trackingApi(String trackingNumber) {
    return publicUrl + "/api/tracking/" + pathSegment(trackingNumber);
  }

  private static String pathSegment(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
