package io.orderflow.fulfillment.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: no session, no CSRF token (no
 * cookie authenticates it), HTTP basic or a bearer token on every call, and the route rules of
 * {@link ApiAccessRules}. Everything else (Swagger UI, the login page) keeps sessions and CSRF protection.
 *
 * <p>Two modes. With an issuer ({@code fulfillment.security.issuer-uri}, or {@code KEYCLOAK_URL}, or the
 * {@code keycloak} profile): an OAuth2 resource server for Keycloak's JWTs (issuer and JWKS from the issuer's
 * discovery document, fetched on first use; audience {@code fulfillment-api} required). Without one: the built-in
 * development users of {@code fulfillment.security.built-in-users}, HTTP basic and form login.
 *
 * <p>Public so that controller slice tests ({@code @WebMvcTest}) can import it and run with the real rules.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String WEB_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "frame-ancestors 'none'; form-action 'self'";

  private final SecuritySettings settings;
  private final ObjectMapper json;

  SecurityConfiguration(SecuritySettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  private boolean keycloak() {
    return settings.effectiveIssuer() != null;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /** The built-in users; none when tokens come from Keycloak (then nobody signs in with a password here). */
  @Bean
  UserDetailsService builtInUsers() {
    if (keycloak()) {
      log.info("Security: OAuth2 resource server for tokens of {} (audience {})", settings.effectiveIssuer(),
          settings.audience());
      return new InMemoryUserDetailsManager();
    }
    java.util.Map<String, SecuritySettings.BuiltInUserEntry> users = new java.util.HashMap<>();
    settings.builtInUsers().forEach(u -> users.put(u.username(), u));
    log.warn("Security: DEVELOPMENT SETTING - {} built-in demo users with published passwords sign in with HTTP basic "
        + "or the login form. Set KEYCLOAK_URL (or fulfillment.security.issuer-uri) to use Keycloak's tokens instead.",
        users.size());
    // a new BuiltInUser per sign-in: Spring erases the credentials of the authenticated copy
    return username -> Optional.ofNullable(users.get(username))
        .map(u -> (UserDetails) new BuiltInUser(u.username(), u.passwordHash(), u.roles(), u.warehouses(), u.email()))
        .orElseThrow(() -> new UsernameNotFoundException("No built-in user " + username));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    ProblemResponses problems = new ProblemResponses(json, keycloak() ? "Bearer" : "Basic realm=\"fulfillment\"");
    http.securityMatcher("/api/**", "/v2/**", "/actuator/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP)))
        .authorizeHttpRequests(this::apiRules)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
            .accessDeniedHandler(problems.forbidden()));
    if (keycloak()) {
      http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(jwtDecoder())
              .jwtAuthenticationConverter(new KeycloakJwtConverter()))
          .authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()));
    } else {
      http.httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http) throws Exception {
    http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(WEB_CSP)))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/error",
                "/login", "/favicon.ico").permitAll()
            .anyRequest().authenticated());
    if (keycloak()) {
      // No browser pages yet: OIDC login (client fulfillment-web, PKCE) is for when there are some; bearer tokens only.
      http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(jwtDecoder())
          .jwtAuthenticationConverter(new KeycloakJwtConverter())));
    } else {
      http.formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults());
    }
    return http.build();
  }

  private void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
      RequestMatcher matcher = request -> rule.matches(HttpMethod.valueOf(request.getMethod()), path(request));
      if (rule.isPublic()) {
        a.requestMatchers(matcher).permitAll();
      } else {
        a.requestMatchers(matcher).hasAnyRole(rule.roles().toArray(String[]::new));
      }
    }
    a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
        .requestMatchers(HttpMethod.GET, "/actuator/**").hasRole(Roles.OPS)
        // an API route without an explicit rule is refused (the route inventory test keeps this list complete)
        .anyRequest().denyAll();
  }

  private JwtDecoder jwtDecoderInstance;

  private synchronized JwtDecoder jwtDecoder() {
    if (jwtDecoderInstance == null) {
      String issuer = settings.effectiveIssuer();
      String audience = settings.audience();
      // discovery (issuer, JWKS URI) on the first token, so the app starts while Keycloak is still starting
      jwtDecoderInstance = new SupplierJwtDecoder(() -> {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        OAuth2TokenValidator<Jwt> audienceCheck = new JwtClaimValidator<List<String>>("aud",
            aud -> aud != null && aud.contains(audience));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
            audienceCheck));
        return decoder;
      });
    }
    return jwtDecoderInstance;
  }

  private static String path(HttpServletRequest request) {
    return ProblemResponses.path(request);
  }
}
