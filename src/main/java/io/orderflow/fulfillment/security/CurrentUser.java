package io.orderflow.fulfillment.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller, the same in both modes and both ways in: a Keycloak JWT ({@code preferred_username}, {@code email},
 * {@code realm_access.roles}, {@code warehouses}), a browser session signed in through Keycloak (the same data, from
 * the ID and access token of the sign-in), or a built-in demo user with the same data.
 *
 * @param roles realm roles without the {@code ROLE_} prefix
 * @param warehouses warehouse ids ({@code madrid}, {@code warsaw}, {@code sofia}) the user works for
 * @param displayName the person's name ({@code name}: given and family name), the username when there is none
 */
public record CurrentUser(String username, String email, Set<String> roles, Set<String> warehouses,
    String displayName) {

  /** Roles that act on any customer's orders and carts (within what the route rules allow them). */
  private static final Set<String> STAFF = Set.of(Roles.CUSTOMER_SERVICE, Roles.WAREHOUSE, Roles.WAREHOUSE_SUPERVISOR,
      Roles.FINANCE, Roles.MARKETING, Roles.PURCHASING, Roles.OPS, Roles.CALLBACK);

  public CurrentUser {
    roles = Set.copyOf(roles);
    warehouses = Set.copyOf(warehouses);
    displayName = displayName == null || displayName.isBlank() ? username : displayName;
  }

  /** Without a display name: the username stands in. */
  public CurrentUser(String username, String email, Set<String> roles, Set<String> warehouses) {
    this(username, email, roles, warehouses, null);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... any) {
    for (String role : any) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean worksIn(String warehouseId) {
    return warehouseId != null && warehouses.contains(warehouseId);
  }

  /** A customer and nothing else: may read and act only on their own orders and carts. */
  public boolean customerOnly() {
    return roles.contains(Roles.CUSTOMER) && roles.stream().noneMatch(STAFF::contains);
  }

  /** True when the order's or cart's customer e-mail is this user's (case-insensitive). */
  public boolean owns(String customerEmail) {
    return email != null && customerEmail != null && email.equalsIgnoreCase(customerEmail);
  }

  /** Sorted roles for messages ("your role customer may not …"). */
  public String describeRoles() {
    return roles.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(roles));
  }

  /** The caller of the current request, if it is authenticated. */
  public static Optional<CurrentUser> current() {
    return from(SecurityContextHolder.getContext().getAuthentication());
  }

  /** The caller of the current request; for code behind a route that requires authentication. */
  public static CurrentUser required() {
    return current().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
  }

  public static Optional<CurrentUser> from(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    Set<String> roles = roles(authentication.getAuthorities());
    if (authentication.getPrincipal() instanceof BuiltInUser user) {
      return Optional.of(new CurrentUser(user.getUsername(), user.email(), roles, user.warehouses(),
          user.displayName()));
    }
    if (authentication instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      return Optional.of(new CurrentUser(token.getName(), jwt.getClaimAsString("email"), roles,
          KeycloakJwtConverter.warehouses(jwt), jwt.getClaimAsString("name")));
    }
    if (authentication.getPrincipal() instanceof KeycloakOidcUser user) {
      return Optional.of(new CurrentUser(user.getName(), user.getEmail(), roles, user.warehouses(),
          user.displayName()));
    }
    return Optional.empty();
  }

  private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
    Set<String> roles = new TreeSet<>();
    for (GrantedAuthority a : authorities) {
      if (a.getAuthority() != null && a.getAuthority().startsWith("ROLE_")) {
        roles.add(a.getAuthority().substring("ROLE_".length()));
      }
    }
    return roles;
  }
}
