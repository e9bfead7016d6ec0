package io.orderflow.fulfillment.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /v2/**}, {@code /actuator/**}): a bearer token or HTTP basic on
 * the call, or the session of a signed-in browser (the pages' same-origin calls); it never creates a session itself,
 * answers 401/403 as problems (never a redirect), and applies the route rules of {@link ApiAccessRules}. CSRF tokens
 * only for requests a cookie authenticates ({@link BrowserCsrf}). The pages (everything else): a browser session with
 * CSRF protection; an unauthenticated page request is sent to the sign-in.
 *
 * <p>Two modes. With an issuer ({@code fulfillment.security.issuer-uri}, or {@code KEYCLOAK_URL}, or the
 * {@code keycloak} profile): an OAuth2 resource server for Keycloak's JWTs (issuer and JWKS from the issuer's
 * discovery document, fetched on first use; audience {@code fulfillment-api} required), and the OIDC sign-in of
 * browser users (client {@code fulfillment-web}, authorization code + PKCE S256; roles and warehouses from the access
 * token, mapped exactly as for a bearer token) with RP-initiated logout. Without one: the built-in development users
 * of {@code fulfillment.security.built-in-users}, HTTP basic and form login.
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
  /** One CSRF token for pages and API: a page's scripts call the API with the token the page got. */
  private final CsrfTokenRepository csrfTokens = BrowserCsrf.repository();

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
        .map(u -> (UserDetails) new BuiltInUser(u.username(), u.passwordHash(), u.roles(), u.warehouses(), u.email(),
            u.name()))
        .orElseThrow(() -> new UsernameNotFoundException("No built-in user " + username));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    String scheme = keycloak() ? "Bearer" : "Basic";
    ProblemResponses problems = new ProblemResponses(json, keycloak() ? "Bearer" : "Basic realm=\"fulfillment\"");
    // a signed-in browser session counts here too (same-origin calls of the pages), but the API itself never creates
    // a session: bearer and basic sign-ins hold for their request only
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    sessions.setAllowSessionCreation(false);
    http.securityMatcher("/api/**", "/v2/**", "/actuator/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .securityContext(c -> c.securityContextRepository(sessions))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
            .csrfTokenRequestHandler(BrowserCsrf.requestHandler(false))
            .requireCsrfProtectionMatcher(BrowserCsrf.apiRequestsOfSignedInSessions(scheme)))
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

  /**
   * The pages: a browser session. With Keycloak the OIDC sign-in (authorization code flow with PKCE, client
   * {@code fulfillment-web}) and a sign-out that ends Keycloak's session too (RP-initiated logout); with the built-in
   * users the login form.
   */
  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http) throws Exception {
    http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(webCsp())))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(BrowserCsrf.requestHandler(true)))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/error",
                "/login", "/signed-out", "/favicon.ico").permitAll()
            // the application page and its assets: public (the storefront and parcel tracking need no sign-in; each
            // API call of the page is checked on its own)
            .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**").permitAll()
            .anyRequest().authenticated());
    if (keycloak()) {
      KeycloakClientRegistrations registrations = new KeycloakClientRegistrations(settings.effectiveIssuer(),
          settings.webClient());
      log.info("Security: browser sign-in through Keycloak, client {}", settings.webClient());
      OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
      signOut.setPostLogoutRedirectUri(settings.webClient().postLogoutRedirectUri());
      signOut.setDefaultTargetUrl("/signed-out");
      http.oauth2Login(login -> login
              .clientRegistrationRepository(registrations)
              // the tokens of the sign-in live in the session and end with it
              .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
              // no chooser page: an unauthenticated page request goes straight to Keycloak
              .loginPage("/oauth2/authorization/" + KeycloakClientRegistrations.REGISTRATION_ID)
              .failureUrl("/signed-out?failed")
              .userInfoEndpoint(user -> user.oidcUserService(new KeycloakOidcUserService(jwtDecoder()))))
          .logout(logout -> logout.logoutSuccessHandler(signOut));
    } else {
      http.formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults());
    }
    return http.build();
  }

  /**
   * The pages' policy. With Keycloak its origin joins {@code form-action}: the sign-out form posts to the app, which
   * redirects to Keycloak's end-session endpoint, and browsers apply {@code form-action} to that redirect too.
   */
  String webCsp() {
    String issuer = settings.effectiveIssuer();
    if (issuer == null) {
      return WEB_CSP;
    }
    URI uri = URI.create(issuer);
    String keycloakOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
    return WEB_CSP.replace("form-action 'self'", "form-action 'self' " + keycloakOrigin);
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
