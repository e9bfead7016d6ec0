package io.orderflow.fulfillment.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak's access token → authentication: realm roles ({@code realm_access.roles}) become {@code ROLE_<role>}, the
 * name is {@code preferred_username} (the service account's is {@code service-account-fulfillment-callbacks}).
 */
class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString("preferred_username");
    return new JwtAuthenticationToken(jwt, authorities(jwt), name == null ? jwt.getSubject() : name);
  }

  static Collection<GrantedAuthority> authorities(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
  }

  static Set<String> warehouses(Jwt jwt) {
    Object claim = jwt.getClaims().get("warehouses");
    if (claim instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }
    return claim == null ? Set.of() : Set.of(claim.toString());
  }
}
