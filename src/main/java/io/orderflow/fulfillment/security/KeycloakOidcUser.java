package io.orderflow.fulfillment.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A browser user signed in through Keycloak (OIDC, client {@code fulfillment-web}), kept in the HTTP session: the ID
 * token (name, e-mail) plus the roles and warehouses of the access token, mapped as for a bearer token
 * ({@link KeycloakJwtConverter}). The name is {@code preferred_username}.
 */
final class KeycloakOidcUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final Set<String> warehouses;

  KeycloakOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
      Set<String> warehouses) {
    super(authorities, idToken, userInfo, "preferred_username");
    this.warehouses = Set.copyOf(warehouses);
  }

  Set<String> warehouses() {
    return warehouses;
  }

  /** {@code name} (given and family name), else the username. */
  String displayName() {
    String name = getFullName();
    return name == null || name.isBlank() ? getName() : name;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && o instanceof KeycloakOidcUser other && warehouses.equals(other.warehouses);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
