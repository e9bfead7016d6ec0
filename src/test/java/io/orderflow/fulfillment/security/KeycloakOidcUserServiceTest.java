package io.orderflow.fulfillment.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The browser sign-in's authority mapping, without Keycloak: the access token of the sign-in gives the roles and
 * warehouses exactly as {@link KeycloakJwtConverter} does for a bearer token; the ID token the name and e-mail; a token
 * the API would refuse, or one of another subject, signs nobody in. And the client registration always asks for PKCE
 * S256, public or confidential.
 */
class KeycloakOidcUserServiceTest {

  static final Instant NOW = Instant.now();

  static ClientRegistration registration(String secret) {
    ClientRegistration.Builder builder = ClientRegistration.withRegistrationId("discovered")
        .clientId("wrong").authorizationUri("http://kc.test/realms/fulfillment/protocol/openid-connect/auth")
        .tokenUri("http://kc.test/realms/fulfillment/protocol/openid-connect/token")
        .jwkSetUri("http://kc.test/realms/fulfillment/protocol/openid-connect/certs")
        .issuerUri("http://kc.test/realms/fulfillment")
        .authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/somewhere");
    return new KeycloakClientRegistrations("http://kc.test/realms/fulfillment",
        new SecuritySettings.WebClient("fulfillment-web", secret, "{baseUrl}/signed-out")).build(builder);
  }

  static OidcIdToken idToken(String subject) {
    return OidcIdToken.withTokenValue("id-token").subject(subject).issuer("http://kc.test/realms/fulfillment")
        .audience(List.of("fulfillment-web")).issuedAt(NOW).expiresAt(NOW.plusSeconds(300))
        .claim("preferred_username", "supervisor.madrid").claim("name", "Lucía Fernández")
        .claim("email", "lucia.fernandez@orderflow.example").claim("warehouses", List.of("madrid")).build();
  }

  static Jwt accessToken(String subject, Map<String, Object> claims) {
    Jwt.Builder jwt = Jwt.withTokenValue("access-token").header("alg", "RS256").subject(subject)
        .issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).claim("preferred_username", "supervisor.madrid");
    claims.forEach(jwt::claim);
    return jwt.build();
  }

  static OidcUserRequest request() {
    OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", NOW,
        NOW.plusSeconds(300), Set.of("openid", "profile", "email"));
    return new OidcUserRequest(registration(null), token, idToken("sub-lucia"));
  }

  static OidcUser load(JwtDecoder decoder) {
    return new KeycloakOidcUserService(decoder).loadUser(request());
  }

  static JwtDecoder decoding(Jwt jwt) {
    return value -> {
      assertThat(value).as("the access token of the sign-in is what gets checked").isEqualTo("access-token");
      return jwt;
    };
  }

  @Test
  @DisplayName("Realm roles of the access token become ROLE_<role>, and nothing else; warehouses and name follow")
  void mapsLikeTheBearerToken() {
    Jwt access = accessToken("sub-lucia", Map.of(
        "realm_access", Map.of("roles", List.of("warehouse", "warehouse-supervisor")),
        "warehouses", List.of("madrid")));

    OidcUser user = load(decoding(access));

    assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrderElementsOf(KeycloakJwtConverter.authorities(access).stream()
            .map(GrantedAuthority::getAuthority).toList())
        .containsExactlyInAnyOrder("ROLE_warehouse", "ROLE_warehouse-supervisor");
    assertThat(user.getName()).isEqualTo("supervisor.madrid");

    CurrentUser viaSession = CurrentUser.from(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"))
        .orElseThrow();
    CurrentUser viaBearer = CurrentUser.from(new KeycloakJwtConverter().convert(accessToken("sub-lucia", Map.of(
        "realm_access", Map.of("roles", List.of("warehouse", "warehouse-supervisor")),
        "warehouses", List.of("madrid"), "email", "lucia.fernandez@orderflow.example", "name", "Lucía Fernández"))))
        .orElseThrow();
    assertThat(viaSession).isEqualTo(viaBearer).isEqualTo(new CurrentUser("supervisor.madrid",
        "lucia.fernandez@orderflow.example", Set.of("warehouse", "warehouse-supervisor"), Set.of("madrid"),
        "Lucía Fernández"));
    assertThat(viaSession.worksIn("madrid")).isTrue();
    assertThat(viaSession.customerOnly()).isFalse();
  }

  @Test
  @DisplayName("The warehouses come from the access token, not the ID token; no realm roles, no authorities")
  void accessTokenDecides() {
    OidcUser user = load(decoding(accessToken("sub-lucia", Map.of())));

    assertThat(user.getAuthorities()).isEmpty();
    CurrentUser current = CurrentUser.from(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"))
        .orElseThrow();
    assertThat(current.roles()).isEmpty();
    assertThat(current.warehouses()).as("the ID token says madrid, the access token nothing").isEmpty();
  }

  @Test
  @DisplayName("An access token the API would refuse (here: wrong audience) signs nobody in")
  void refusedAccessToken() {
    JwtDecoder refusing = value -> {
      throw new JwtValidationException("The aud claim is not valid",
          List.of(new OAuth2Error("invalid_token", "The aud claim is not valid", null)));
    };

    assertThatThrownBy(() -> load(refusing)).isInstanceOf(OAuth2AuthenticationException.class)
        .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
            .isEqualTo("invalid_token"))
        .hasMessageContaining("aud").hasMessageNotContaining("access-token");
  }

  @Test
  @DisplayName("An access token of another subject than the ID token signs nobody in")
  void otherSubject() {
    Jwt someoneElse = accessToken("sub-someone-else", Map.of("realm_access", Map.of("roles", List.of("ops"))));

    assertThatThrownBy(() -> load(decoding(someoneElse))).isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("another subject");
  }

  @Test
  @DisplayName("Public client: no client authentication; confidential: the secret; both send PKCE S256")
  void registrationAlwaysUsesPkce() {
    ClientRegistration pub = registration(null);
    ClientRegistration confidential = registration("demo-secret");

    assertThat(pub.getRegistrationId()).isEqualTo("keycloak");
    assertThat(pub.getClientId()).isEqualTo("fulfillment-web");
    assertThat(pub.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
    assertThat(pub.getScopes()).contains("openid");
    assertThat(pub.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    assertThat(confidential.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    assertThat(confidential.getClientSecret()).isEqualTo("demo-secret");

    for (ClientRegistration registration : List.of(pub, confidential)) {
      DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
          new InMemoryClientRegistrationRepository(registration), "/oauth2/authorization");
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
      request.setServletPath("/oauth2/authorization/keycloak");
      OAuth2AuthorizationRequest authorization = resolver.resolve(request);

      assertThat(authorization.getAdditionalParameters()).as(registration.getClientAuthenticationMethod().getValue())
          .containsEntry("code_challenge_method", "S256").containsKey("code_challenge");
      assertThat(authorization.getAttributes()).containsKey("code_verifier");
    }
  }
}
