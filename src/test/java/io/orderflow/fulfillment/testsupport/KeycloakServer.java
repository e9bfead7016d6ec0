package io.orderflow.fulfillment.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak server of the build, with the realm of {@code keycloak/fulfillment-realm.json}, started once per
 * test JVM.
 *
 * <pre>{@code
 * @Tag("keycloak")
 * class SomethingTest {
 *   KeycloakServer keycloak;
 *   @BeforeEach void keycloak() { keycloak = KeycloakServer.get(); } // per test: each is reported skipped
 *   ... keycloak.tokenFor("ana.customer", "ana.customer-demo") ...
 * }
 * }</pre>
 *
 * <p>Maven unpacks the distribution ({@code org.keycloak:keycloak-quarkus-dist}, version {@code keycloak.version} of
 * the pom) into {@code target/keycloak} in {@code process-test-resources}, and Surefire passes its place as the system
 * property {@code keycloak.home}. The first {@link #get()} copies the realm file into the server's
 * {@code data/import}, and runs {@code bin/kc.sh start-dev --import-realm} on a free loopback port, with an in-memory
 * H2 database (every start imports the realm file as it is now), under the JDK that runs the tests ({@code JAVA_HOME}
 * of the child is this JVM's {@code java.home}; the pom's toolchain makes that a JDK >= 21). The server writes to
 * {@code target/keycloak-server.log}. It is ready when the realm's OpenID configuration answers, within
 * {@link #STARTUP_TIMEOUT} (counted from the end of the one-time dev-mode build when the start does that build, the
 * first start after unpacking); a JVM shutdown hook stops it.
 *
 * <p>With {@code -Dkeycloak.skip=true} the build does not unpack the server and {@link #get()} aborts the calling test
 * with a failed assumption (the test is reported as skipped). When the server was meant to run but does not come up,
 * {@link #get()} fails, for this and every later caller, with the tail of the server's log.
 */
public final class KeycloakServer {

  public static final String REALM = "fulfillment";
  /** Public client with the resource owner password grant: scripts and tests only. */
  public static final String CLI_CLIENT = "fulfillment-cli";
  /** Confidential client of the machine callers (client credentials). */
  public static final String CALLBACKS_CLIENT = "fulfillment-callbacks";
  /** The documented demo secret of {@link #CALLBACKS_CLIENT}; never a real one. */
  public static final String CALLBACKS_SECRET = "fulfillment-callbacks-demo-secret";
  /** The browser client (authorization code + PKCE S256). */
  public static final String WEB_CLIENT = "fulfillment-web";
  /** The audience every token for the app carries. */
  public static final String API_AUDIENCE = "fulfillment-api";

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int LOG_TAIL_LINES = 80;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static KeycloakServer instance;
  private static RuntimeException startFailure;

  private final Process process;
  private final Path logFile;
  private final String baseUrl;
  private final JsonNode openIdConfiguration;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private KeycloakServer(Process process, Path logFile, String baseUrl, JsonNode openIdConfiguration) {
    this.process = process;
    this.logFile = logFile;
    this.baseUrl = baseUrl;
    this.openIdConfiguration = openIdConfiguration;
  }

  /** True when the build was told to leave Keycloak out ({@code -Dkeycloak.skip=true}). */
  public static boolean skipped() {
    // keycloak.build-skip: the pom's keycloak.skip as Surefire hands it over; keycloak.skip: set directly (IDE)
    return Boolean.getBoolean("keycloak.build-skip") || Boolean.getBoolean("keycloak.skip");
  }

  /**
   * The running server, started on the first call. Skips the calling test (assumption) when Keycloak is switched off
   * with {@code -Dkeycloak.skip=true}; fails when it should run but cannot start.
   */
  public static synchronized KeycloakServer get() {
    Assumptions.assumeFalse(skipped(), "Keycloak is switched off (-Dkeycloak.skip=true): the build did not unpack it");
    if (startFailure != null) {
      throw new IllegalStateException("Keycloak did not start earlier in this test JVM: " + startFailure.getMessage(),
          startFailure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return instance;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Start and stop

  private static KeycloakServer start() {
    Path home = home();
    Path realmFile = Path.of(System.getProperty("keycloak.realm-file", "keycloak/fulfillment-realm.json"))
        .toAbsolutePath();
    Path logFile = Path.of(System.getProperty("keycloak.log-file", "target/keycloak-server.log")).toAbsolutePath();
    Path javaHome = Path.of(System.getProperty("java.home"));
    int javaVersion = Runtime.version().feature();
    if (javaVersion < 21) {
      throw new IllegalStateException("Keycloak needs a JDK >= 21 but the tests run on " + javaVersion + " ("
          + javaHome + "); run them through ./mvnw, whose toolchain picks a JDK >= 21");
    }
    int httpPort = freePort();
    int managementPort = freePort();
    String baseUrl = "http://127.0.0.1:" + httpPort;

    try {
      Path importDir = home.resolve("data/import");
      Files.createDirectories(importDir);
      Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      Files.createDirectories(logFile.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare " + home + " for Keycloak", e);
    }

    List<String> command = List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-enabled=true",
        "--http-host=127.0.0.1",
        "--http-port=" + httpPort,
        "--http-management-port=" + managementPort,
        "--hostname-strict=false",
        "--db=dev-mem",
        "--import-realm");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = builder.environment();
    // Hermetic: no KC_* or JAVA_OPTS* of the caller's shell change the server's configuration.
    env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA_ADD_OPENS"));
    env.put("JAVA_HOME", javaHome.toString());

    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));

    HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI wellKnown = URI.create(baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration");
    long deadline = started + STARTUP_TIMEOUT.toNanos();
    long rebuilt = 0;
    while (true) {
      if (rebuilt == 0 && rebuildFinished(logFile)) {
        // The first start after unpacking builds the dev-mode server image (Quarkus augmentation, persisted in
        // lib/quarkus; later starts skip it). It takes 20-70 s, more on a busy machine: the start proper gets its
        // full timeout from here.
        rebuilt = System.nanoTime();
        deadline = rebuilt + STARTUP_TIMEOUT.toNanos();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + " before it was ready ("
            + String.join(" ", command) + ", JAVA_HOME=" + javaHome + "). Tail of " + logFile + ":\n" + tail(logFile));
      }
      try {
        HttpResponse<String> response = probe.send(
            HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          JsonNode configuration = JSON.readTree(response.body());
          long now = System.nanoTime();
          System.out.printf("Keycloak ready at %s after %d s%s (log: %s)%n", baseUrl,
              TimeUnit.NANOSECONDS.toSeconds(now - started),
              rebuilt == 0 ? "" : ", " + TimeUnit.NANOSECONDS.toSeconds(rebuilt - started)
                  + " s of them the one-time dev-mode build",
              logFile);
          return new KeycloakServer(process, logFile, baseUrl, configuration);
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop(process);
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      if (System.nanoTime() > deadline) {
        stop(process);
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s"
            + (rebuilt == 0 ? "" : " after its one-time dev-mode build") + " ("
            + wellKnown + " did not answer 200; " + String.join(" ", command) + ", JAVA_HOME=" + javaHome
            + "). Tail of " + logFile + ":\n" + tail(logFile));
      }
      sleep(500);
    }
  }

  /** True once the log says that the one-time dev-mode build (Quarkus augmentation) of this start has finished. */
  private static boolean rebuildFinished(Path logFile) {
    try {
      return Files.isRegularFile(logFile)
          && Files.readString(logFile, StandardCharsets.UTF_8).contains("Quarkus augmentation completed");
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Path home() {
    String configured = System.getProperty("keycloak.home");
    Path home;
    if (configured != null) {
      home = Path.of(configured);
    } else {
      // Run outside Maven (an IDE): the single unpacked distribution under target/keycloak, if there is one.
      try (var dirs = Files.list(Path.of("target/keycloak"))) {
        home = dirs.filter(dir -> dir.getFileName().toString().startsWith("keycloak-")).findFirst()
            .orElse(Path.of("target/keycloak/keycloak-missing"));
      } catch (IOException e) {
        home = Path.of("target/keycloak/keycloak-missing");
      }
    }
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("No Keycloak distribution at " + home.toAbsolutePath()
          + ": the build unpacks it in process-test-resources (./mvnw process-test-resources), unless -Dkeycloak.skip=true");
    }
    return home.toAbsolutePath();
  }

  /** SIGTERM to kc.sh (which hands it to the server's JVM), then, after a grace period, SIGKILL to what is left. */
  private static void stop(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    process.destroy();
    try {
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Addresses

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The realm's issuer, as its tokens carry it in {@code iss}. */
  public String issuerUri() {
    return openIdConfiguration.path("issuer").asText();
  }

  public String jwksUri() {
    return openIdConfiguration.path("jwks_uri").asText();
  }

  public String tokenEndpoint() {
    return openIdConfiguration.path("token_endpoint").asText();
  }

  public String authorizationEndpoint() {
    return openIdConfiguration.path("authorization_endpoint").asText();
  }

  /** The realm's OpenID Provider configuration ({@code .well-known/openid-configuration}), as read at start. */
  public JsonNode openIdConfiguration() {
    return openIdConfiguration;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean running() {
    return process.isAlive();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Tokens

  /** An access token of a user: resource owner password grant on {@value #CLI_CLIENT}. Fails unless Keycloak says 200. */
  public String tokenFor(String username, String password) {
    return accessToken(tokenRequest(Map.of(
        "grant_type", "password",
        "client_id", CLI_CLIENT,
        "username", username,
        "password", password,
        "scope", "openid")));
  }

  /** An access token of the callbacks' service account: client credentials of {@value #CALLBACKS_CLIENT}. */
  public String serviceAccountToken() {
    return accessToken(tokenRequest(Map.of(
        "grant_type", "client_credentials",
        "client_id", CALLBACKS_CLIENT,
        "client_secret", CALLBACKS_SECRET)));
  }

  /** POSTs the form to the token endpoint and returns Keycloak's answer as it is (status and JSON body). */
  public HttpResponse<String> tokenRequest(Map<String, String> form) {
    return send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
        .build());
  }

  /** GET without following redirects. */
  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + request.uri(), e);
    }
  }

  private static String accessToken(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused the token request: HTTP " + response.statusCode() + " "
          + response.body());
    }
    return json(response.body()).path("access_token").asText();
  }

  public static String formEncode(Map<String, String> form) {
    return new LinkedHashMap<>(form).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // JWT

  /** The decoded payload (claims) of a JWT; the signature is not checked here. */
  public static JsonNode claims(String jwt) {
    return jwtPart(jwt, 1);
  }

  /** The decoded header of a JWT ({@code alg}, {@code kid}, {@code typ}). */
  public static JsonNode header(String jwt) {
    return jwtPart(jwt, 0);
  }

  private static JsonNode jwtPart(String jwt, int index) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a signed JWT (" + parts.length + " parts)");
    }
    return json(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + text, e);
    }
  }
}
