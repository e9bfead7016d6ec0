package io.orderflow.fulfillment.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A built-in (development) user: Spring's user plus the e-mail and warehouses a Keycloak token would carry. */
class BuiltInUser extends User {

  private final String email;
  private final Set<String> warehouses;

  BuiltInUser(String username, String passwordHash, List<String> roles, List<String> warehouses, String email) {
    super(username, passwordHash, roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    this.email = email;
    this.warehouses = Set.copyOf(warehouses);
  }

  String email() {
    return email;
  }

  Set<String> warehouses() {
    return warehouses;
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
