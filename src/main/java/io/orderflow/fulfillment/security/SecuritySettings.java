package io.orderflow.fulfillment.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fulfillment.security}: with an issuer (set directly, or {@code KEYCLOAK_URL} + realm) the app is an OAuth2
 * resource server for Keycloak's tokens; without one it signs in the built-in development users.
 *
 * @param issuerUri the token issuer, e.g. {@code http://localhost:8180/realms/fulfillment}; wins over keycloakUrl
 * @param keycloakUrl Keycloak's base URL ({@code KEYCLOAK_URL}); the issuer is then {@code <url>/realms/<realm>}
 * @param audience the {@code aud} every token must contain
 * @param builtInUsers the development users (only without an issuer); password hashes are bcrypt
 */
@ConfigurationProperties("fulfillment.security")
record SecuritySettings(String issuerUri, String keycloakUrl, @DefaultValue("fulfillment") String realm,
    @DefaultValue("fulfillment-api") String audience, List<BuiltInUserEntry> builtInUsers) {

  record BuiltInUserEntry(String username, String passwordHash, List<String> roles, List<String> warehouses,
      String email) {

    BuiltInUserEntry {
      roles = roles == null ? List.of() : List.copyOf(roles);
      warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
    }

    @Override
    public String toString() {
      return "BuiltInUserEntry[" + username + ", roles=" + roles + "]";
    }
  }

  SecuritySettings {
    builtInUsers = builtInUsers == null ? List.of() : List.copyOf(builtInUsers);
  }

  /** The issuer the tokens must carry, or null when the built-in users are in use. */
  String effectiveIssuer() {
    if (issuerUri != null && !issuerUri.isBlank()) {
      return issuerUri.strip();
    }
    if (keycloakUrl != null && !keycloakUrl.isBlank()) {
      return keycloakUrl.strip().replaceAll("/+$", "") + "/realms/" + realm;
    }
    return null;
  }
}
