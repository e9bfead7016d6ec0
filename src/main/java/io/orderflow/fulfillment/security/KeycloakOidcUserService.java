package io.orderflow.fulfillment.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The browser sign-in's user: Spring's OIDC user (ID token checked by Spring; user info), with the authorities and
 * warehouses of the <em>access token</em> that came with it, checked by the same decoder as a bearer token (signature,
 * issuer, expiry, audience {@code fulfillment-api}) and mapped by {@link KeycloakJwtConverter}. So a browser session
 * has exactly the roles the same user's bearer token would have, and nothing else (no {@code OIDC_USER} or
 * {@code SCOPE_} authorities).
 */
final class KeycloakOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OAuth2UserService<OidcUserRequest, OidcUser> oidc;
  private final JwtDecoder accessTokens;

  KeycloakOidcUserService(JwtDecoder accessTokens) {
    this(new OidcUserService(), accessTokens);
  }

  KeycloakOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> oidc, JwtDecoder accessTokens) {
    this.oidc = oidc;
    this.accessTokens = accessTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser user = oidc.loadUser(request);
    Jwt accessToken;
    try {
      accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
    } catch (JwtException e) {
      // the message names the failed check (audience, issuer, expiry), never the token
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
          "The access token of the sign-in is not valid for this app: " + e.getMessage(), null), e);
    }
    String subject = accessToken.getSubject();
    if (subject == null || !subject.equals(user.getSubject())) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
          "The access token of the sign-in belongs to another subject than its ID token", null));
    }
    Collection<GrantedAuthority> authorities = KeycloakJwtConverter.authorities(accessToken);
    return new KeycloakOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
        KeycloakJwtConverter.warehouses(accessToken));
  }
}
