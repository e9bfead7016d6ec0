package io.orderflow.fulfillment.security;

import static io.orderflow.fulfillment.testsupport.KeycloakServer.API_AUDIENCE;
import static io.orderflow.fulfillment.testsupport.KeycloakServer.CALLBACKS_CLIENT;
import static io.orderflow.fulfillment.testsupport.KeycloakServer.CLI_CLIENT;
import static io.orderflow.fulfillment.testsupport.KeycloakServer.WEB_CLIENT;
import static io.orderflow.fulfillment.testsupport.KeycloakServer.claims;
import static io.orderflow.fulfillment.testsupport.KeycloakServer.header;
import static io.orderflow.fulfillment.testsupport.KeycloakServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.fulfillment.testsupport.KeycloakServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The realm of {@code keycloak/fulfillment-realm.json} on a real Keycloak server: every demo user gets a token with the
 * roles, warehouses and audience the app will rely on, the machine caller gets {@code callback}, and the browser
 * client cannot be used without PKCE (S256).
 */
@Tag("keycloak")
class KeycloakRealmTest {

  /** username → the realm roles and warehouses its access token must carry, and its e-mail. */
  record DemoUser(String username, Set<String> roles, List<String> warehouses, String email) {
    String password() {
      return username + "-demo";
    }

    @Override
    public String toString() {
      return username;
    }
  }

  static final List<DemoUser> DEMO_USERS = List.of(
      new DemoUser("ana.customer", Set.of("customer"), List.of(), "ana.garcia@example.com"),
      new DemoUser("piotr.customer", Set.of("customer"), List.of(), "piotr.nowak@example.com"),
      new DemoUser("cs.agent", Set.of("customer-service"), List.of(), "carmen.ruiz@orderflow.example"),
      new DemoUser("picker.madrid", Set.of("warehouse"), List.of("madrid"), "javier.moreno@orderflow.example"),
      new DemoUser("picker.warsaw", Set.of("warehouse"), List.of("warsaw"), "katarzyna.wisniewska@orderflow.example"),
      new DemoUser("picker.sofia", Set.of("warehouse"), List.of("sofia"), "georgi.ivanov@orderflow.example"),
      new DemoUser("supervisor.madrid", Set.of("warehouse", "warehouse-supervisor"), List.of("madrid"),
          "lucia.fernandez@orderflow.example"),
      new DemoUser("finance.clerk", Set.of("finance"), List.of(), "marta.kowalczyk@orderflow.example"),
      new DemoUser("marketing.manager", Set.of("marketing", "marketing-manager"), List.of(),
          "elena.petrova@orderflow.example"),
      new DemoUser("marketing.assistant", Set.of("marketing"), List.of(), "nikola.angelov@orderflow.example"),
      new DemoUser("buyer.purchasing", Set.of("purchasing"), List.of(), "pablo.sanchez@orderflow.example"),
      new DemoUser("ops.viewer", Set.of("ops"), List.of(), "tomasz.zielinski@orderflow.example"),
      new DemoUser("analyst.modeler", Set.of("analyst"), List.of(), "irina.dimitrova@orderflow.example"));

  static KeycloakServer keycloak;

  /**
   * Per test rather than per class, so that with -Dkeycloak.skip=true every test shows as skipped (an assumption
   * failing in @BeforeAll hides the class from Surefire's counts). The server itself starts only once.
   */
  @BeforeEach
  void keycloak() {
    keycloak = KeycloakServer.get();
  }

  static Stream<Arguments> demoUsers() {
    return DEMO_USERS.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void everyDemoUserGetsATokenWithExactlyItsRolesAndWarehouses(DemoUser user) {
    JsonNode claims = claims(keycloak.tokenFor(user.username(), user.password()));

    assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUri());
    assertThat(claims.path("typ").asText()).isEqualTo("Bearer");
    assertThat(claims.path("azp").asText()).isEqualTo(CLI_CLIENT);
    assertThat(audience(claims)).contains(API_AUDIENCE);
    assertThat(claims.path("sub").asText()).isNotBlank();
    assertThat(claims.path("preferred_username").asText()).isEqualTo(user.username());
    assertThat(claims.path("email").asText()).isEqualTo(user.email());
    assertThat(claims.path("email_verified").asBoolean()).isTrue();
    assertThat(claims.path("given_name").asText()).isNotBlank();
    assertThat(claims.path("family_name").asText()).isNotBlank();
    // exact: no default-roles-*, offline_access or uma_authorization besides the business roles
    assertThat(strings(claims.path("realm_access").path("roles"))).containsExactlyInAnyOrderElementsOf(user.roles());
    if (user.warehouses().isEmpty()) {
      assertThat(claims.has("warehouses")).as("no warehouses claim for %s", user).isFalse();
    } else {
      assertThat(strings(claims.path("warehouses"))).containsExactlyElementsOf(user.warehouses());
    }
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("access token lifespan (s)")
        .isEqualTo(300);
  }

  @Test
  void theTableAboveCoversEveryDemoUserOfTheRealmFile() {
    JsonNode realm = json(read(Path.of(System.getProperty("keycloak.realm-file", "keycloak/fulfillment-realm.json"))));
    List<String> humans = new ArrayList<>();
    realm.path("users").forEach(u -> {
      if (!u.has("serviceAccountClientId")) {
        humans.add(u.path("username").asText());
      }
    });
    assertThat(humans).containsExactlyInAnyOrderElementsOf(DEMO_USERS.stream().map(DemoUser::username).toList());
  }

  @Test
  void theTwoCustomersAreDifferentSubjects() {
    JsonNode ana = claims(keycloak.tokenFor("ana.customer", "ana.customer-demo"));
    JsonNode piotr = claims(keycloak.tokenFor("piotr.customer", "piotr.customer-demo"));

    assertThat(ana.path("sub").asText()).isNotEqualTo(piotr.path("sub").asText());
    assertThat(ana.path("email").asText()).isNotEqualTo(piotr.path("email").asText());
  }

  @Test
  void aWrongPasswordIsRefused() {
    HttpResponse<String> wrong = keycloak.tokenRequest(Map.of("grant_type", "password", "client_id", CLI_CLIENT,
        "username", "ana.customer", "password", "not-the-password"));
    HttpResponse<String> unknown = keycloak.tokenRequest(Map.of("grant_type", "password", "client_id", CLI_CLIENT,
        "username", "nobody", "password", "nobody-demo"));

    // Keycloak 26 answers the password grant with 400 invalid_grant (RFC 6749 §5.2), not 401; the same answer for an
    // unknown user, so the endpoint does not tell which usernames exist.
    for (HttpResponse<String> response : List.of(wrong, unknown)) {
      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode error = json(response.body());
      assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
      assertThat(error.path("error_description").asText()).isEqualTo("Invalid user credentials");
      assertThat(error.has("access_token")).isFalse();
    }
  }

  @Test
  void theCallbacksServiceAccountHasOnlyTheCallbackRole() {
    JsonNode claims = claims(keycloak.serviceAccountToken());

    assertThat(claims.path("azp").asText()).isEqualTo(CALLBACKS_CLIENT);
    assertThat(claims.path("preferred_username").asText()).isEqualTo("service-account-" + CALLBACKS_CLIENT);
    assertThat(strings(claims.path("realm_access").path("roles"))).containsExactly("callback");
    assertThat(audience(claims)).contains(API_AUDIENCE);
    assertThat(claims.has("warehouses")).isFalse();
  }

  @Test
  void theCallbacksClientNeedsItsSecret() {
    HttpResponse<String> response = keycloak.tokenRequest(Map.of("grant_type", "client_credentials",
        "client_id", CALLBACKS_CLIENT, "client_secret", "wrong-secret"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response.body()).path("error").asText()).isEqualTo("unauthorized_client");
  }

  @Test
  void theWebClientHasNoPasswordGrant() {
    HttpResponse<String> response = keycloak.tokenRequest(Map.of("grant_type", "password", "client_id", WEB_CLIENT,
        "username", "ana.customer", "password", "ana.customer-demo"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).path("error").asText()).isEqualTo("unauthorized_client");
  }

  @Test
  void theWebClientRequiresPkceWithS256() {
    String redirectUri = "http://localhost:8080/login/oauth2/code/keycloak";

    // No code_challenge: Keycloak sends the browser back to the client with error=invalid_request
    HttpResponse<String> withoutPkce = keycloak.get(authorizationRequest(redirectUri, Map.of()));
    assertThat(withoutPkce.statusCode()).isEqualTo(302);
    Map<String, String> refusal = query(withoutPkce.headers().firstValue("Location").orElseThrow());
    assertThat(refusal).containsEntry("error", "invalid_request")
        .containsEntry("error_description", "Missing parameter: code_challenge_method")
        .containsEntry("state", "state-1")
        .doesNotContainKey("code");

    // plain is not S256
    HttpResponse<String> plain = keycloak.get(authorizationRequest(redirectUri,
        Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "plain")));
    assertThat(plain.statusCode()).isEqualTo(302);
    assertThat(query(plain.headers().firstValue("Location").orElseThrow())).containsEntry("error", "invalid_request")
        .doesNotContainKey("code");

    // S256: the login page
    HttpResponse<String> s256 = keycloak.get(authorizationRequest(redirectUri,
        Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256")));
    assertThat(s256.statusCode()).isEqualTo(200);
    assertThat(s256.body()).contains("kc-form-login").contains("name=\"password\"");
  }

  @Test
  void theWebClientRedirectsToTheAppsCallbackOnAnyLoopbackPort() {
    Map<String, String> pkce = Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method", "S256");

    // RFC 8252 loopback: the app's sign-in callback on 127.0.0.1, whatever the port (the tests, a second instance)
    HttpResponse<String> callback = keycloak.get(authorizationRequest(
        "http://127.0.0.1:54321/login/oauth2/code/keycloak", pkce));
    assertThat(callback.statusCode()).isEqualTo(200);
    assertThat(callback.body()).contains("kc-form-login");

    // but no other path there
    HttpResponse<String> elsewhere = keycloak.get(authorizationRequest("http://127.0.0.1:54321/steal", pkce));
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void theWebClientRedirectsOnlyToTheApp() {
    HttpResponse<String> response = keycloak.get(authorizationRequest("http://evil.example/callback",
        Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void theDiscoveryDocumentAndTheSigningKeyMatchTheTokens() throws Exception {
    JsonNode configuration = keycloak.openIdConfiguration();
    assertThat(keycloak.issuerUri()).isEqualTo(keycloak.baseUrl() + "/realms/" + KeycloakServer.REALM);
    assertThat(keycloak.jwksUri()).isEqualTo(keycloak.issuerUri() + "/protocol/openid-connect/certs");
    assertThat(strings(configuration.path("code_challenge_methods_supported"))).contains("S256");

    String token = keycloak.tokenFor("picker.warsaw", "picker.warsaw-demo");
    JsonNode header = header(token);
    assertThat(header.path("alg").asText()).isEqualTo("RS256");

    HttpResponse<String> jwks = keycloak.get(URI.create(keycloak.jwksUri()));
    assertThat(jwks.statusCode()).isEqualTo(200);
    JsonNode key = null;
    for (JsonNode candidate : json(jwks.body()).path("keys")) {
      if (candidate.path("kid").asText().equals(header.path("kid").asText())) {
        key = candidate;
      }
    }
    assertThat(key).as("JWKS key %s", header.path("kid").asText()).isNotNull();

    Base64.Decoder base64 = Base64.getUrlDecoder();
    PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, base64.decode(key.path("n").asText())),
        new BigInteger(1, base64.decode(key.path("e").asText()))));
    String[] parts = token.split("\\.");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(publicKey);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(base64.decode(parts[2]))).as("RS256 signature").isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static URI authorizationRequest(String redirectUri, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("client_id", WEB_CLIENT);
    parameters.put("response_type", "code");
    parameters.put("scope", "openid");
    parameters.put("redirect_uri", redirectUri);
    parameters.put("state", "state-1");
    parameters.putAll(extra);
    return URI.create(keycloak.authorizationEndpoint() + "?" + KeycloakServer.formEncode(parameters));
  }

  private static Map<String, String> query(String location) {
    String query = URI.create(location).getRawQuery();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return parameters;
  }

  /** aud is a string for one audience and an array for several. */
  private static Set<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? new TreeSet<>(strings(aud)) : Set.of(aud.asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
