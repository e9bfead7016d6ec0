package io.orderflow.fulfillment.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A built-in (development) user: Spring's user plus the e-mail, warehouses and name a Keycloak token would carry.
 */
class BuiltInUser extends User {

  private final String email;
  private final Set<String> warehouses;
  private final String displayName;

  BuiltInUser(String username, String passwordHash, List<String> roles, List<String> warehouses, String email,
      String displayName) {
    super(username, passwordHash, roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    this.email = email;
    this.warehouses = Set.copyOf(warehouses);
    this.displayName = displayName;
  }

  String email() {
    return email;
  }

  Set<String> warehouses() {
    return warehouses;
  }

  String displayName() {
    return displayName;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
