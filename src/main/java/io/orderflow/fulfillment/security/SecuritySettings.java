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
 * @param webClient the Keycloak client browser users sign in with (only with an issuer)
 */
@ConfigurationProperties("fulfillment.security")
record SecuritySettings(String issuerUri, String keycloakUrl, @DefaultValue("fulfillment") String realm,
    @DefaultValue("fulfillment-api") String audience, List<BuiltInUserEntry> builtInUsers,
    @DefaultValue WebClient webClient) {

  /**
   * The OIDC client of the browser sign-in (authorization code flow, always with PKCE S256).
   *
   * @param clientId {@code fulfillment-web} in the realm of {@code keycloak/fulfillment-realm.json}
   * @param clientSecret empty for a public client (the realm's {@code fulfillment-web} is one); with a secret the app
   *     authenticates to the token endpoint with HTTP basic and still sends PKCE
   * @param postLogoutRedirectUri where Keycloak sends the browser after the sign-out; {@code {baseUrl}} is the app's
   *     own address as the browser used it, and Keycloak must list the result in the client's post-logout redirect URIs
   */
  record WebClient(@DefaultValue("fulfillment-web") String clientId, String clientSecret,
      @DefaultValue("{baseUrl}/signed-out") String postLogoutRedirectUri) {

    boolean confidential() {
      return clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
      return "WebClient[" + clientId + (confidential() ? ", confidential" : ", public") + "]";
    }
  }

  /** @param name the display name (the realm's first and last name); the username when missing */
  record BuiltInUserEntry(String username, String passwordHash, List<String> roles, List<String> warehouses,
      String email, String name) {

    BuiltInUserEntry {
      roles = roles == null ? List.of() : List.copyOf(roles);
      warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
      name = name == null || name.isBlank() ? username : name;
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
