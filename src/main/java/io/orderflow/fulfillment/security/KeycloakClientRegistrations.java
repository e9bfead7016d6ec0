package io.orderflow.fulfillment.security;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one OIDC client of the browser sign-in, registration id {@value #REGISTRATION_ID}, built from the issuer's
 * discovery document on first use (like the JWT decoder), so that the app starts while Keycloak is still starting; a
 * failed discovery is tried again on the next sign-in.
 *
 * <p>Public client (no secret, the realm's {@code fulfillment-web}): no client authentication, and Spring sends PKCE.
 * With a secret: HTTP basic at the token endpoint, and PKCE all the same ({@code requireProofKey}). Either way the
 * authorization request carries {@code code_challenge} with {@code code_challenge_method=S256}.
 */
final class KeycloakClientRegistrations implements ClientRegistrationRepository {

  static final String REGISTRATION_ID = "keycloak";

  private final String issuer;
  private final SecuritySettings.WebClient client;
  private volatile ClientRegistration registration;

  KeycloakClientRegistrations(String issuer, SecuritySettings.WebClient client) {
    this.issuer = issuer;
    this.client = client;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return REGISTRATION_ID.equals(registrationId) ? registration() : null;
  }

  private ClientRegistration registration() {
    ClientRegistration known = registration;
    if (known == null) {
      synchronized (this) {
        if (registration == null) {
          registration = build(ClientRegistrations.fromIssuerLocation(issuer));
        }
        known = registration;
      }
    }
    return known;
  }

  ClientRegistration build(ClientRegistration.Builder discovered) {
    discovered.registrationId(REGISTRATION_ID)
        .clientName("Keycloak")
        .clientId(client.clientId())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .userNameAttributeName("preferred_username")
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
    if (client.confidential()) {
      discovered.clientSecret(client.clientSecret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    } else {
      discovered.clientSecret(null).clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    }
    return discovered.build();
  }
}
