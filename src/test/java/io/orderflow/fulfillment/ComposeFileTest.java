package io.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production stack of {@code docker-compose.yml} without Docker: the file is valid by the Compose
 * Specification's JSON schema (vendored in src/test/resources/compose-spec, see SOURCE.md there), and it keeps the
 * stack's rules — images pinned through {@code .env}, the versions of the pom, every service health-checked and
 * started in order, the app given every variable its {@code camunda} profile reads, the realm clients it names.
 *
 * <p>Each rule is a function from the parsed files to a list of problems, so that {@link #rulesCatchBrokenCopies}
 * proves on broken copies that every rule can fail. Another file can be checked with
 * {@code -Dcompose.file=... -Dcompose.env=... -Dcompose.dockerfile=...}.
 */
class ComposeFileTest {

  static final Path COMPOSE_FILE = Path.of(System.getProperty("compose.file", "docker-compose.yml"));
  static final Path ENV_FILE = Path.of(System.getProperty("compose.env", ".env"));
  static final Path DOCKERFILE = Path.of(System.getProperty("compose.dockerfile", "Dockerfile"));
  static final Path REALM_FILE = Path.of("keycloak/fulfillment-realm.json");
  static final Path CAMUNDA_PROFILE = Path.of("src/main/resources/application-camunda.yml");

  static final Set<String> REQUIRED_SERVICES =
      Set.of("orchestration", "elasticsearch", "keycloak", "mysql", "mailpit", "app");
  static final Set<String> VERSION_VARIABLES =
      Set.of("CAMUNDA_VERSION", "ELASTIC_VERSION", "KEYCLOAK_VERSION", "MYSQL_VERSION", "MAILPIT_VERSION");
  static final String ORCHESTRATION_AUDIENCE = "orchestration-api";

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-?+])[^}]*)?}");
  /** Spring's ${NAME:default} placeholders of an environment variable (upper case) in application-*.yml. */
  static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
  static final Pattern PINNED_BY_VARIABLE =
      Pattern.compile("^[a-z0-9][a-z0-9./_-]*:\\$\\{([A-Z_][A-Z0-9_]*)(:\\?[^}]*)?}$");

  /** The parsed inputs of the rules; a broken copy is a mutated one. */
  record Stack(Map<String, Object> compose, Map<String, String> env, List<String> dockerfile, String pom,
      JsonNode realm, String camundaProfile) {

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
      return (Map<String, Map<String, Object>>) compose.getOrDefault("services", Map.of());
    }

    /** The value as compose would interpolate it from .env (defaults of ${X:-d} included). */
    String interpolate(String value) {
      Matcher m = VARIABLE.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String modifier = m.group(2) == null ? "" : m.group(2);
        String replacement = env.get(name);
        if ((replacement == null || replacement.isEmpty()) && modifier.startsWith(":-")) {
          replacement = modifier.substring(2);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
      }
      m.appendTail(out);
      return out.toString();
    }

    /** A service's environment as a map (list form "K=V" or map form), values interpolated. */
    Map<String, String> environment(String service) {
      Object env = services().getOrDefault(service, Map.of()).get("environment");
      Map<String, String> result = new LinkedHashMap<>();
      if (env instanceof Map<?, ?> map) {
        map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
      } else if (env instanceof List<?> list) {
        for (Object entry : list) {
          String[] kv = String.valueOf(entry).split("=", 2);
          result.put(kv[0], kv.length == 2 ? interpolate(kv[1]) : "");
        }
      }
      return result;
    }

    JsonNode realmClient(String clientId) {
      for (JsonNode client : realm.path("clients")) {
        if (clientId.equals(client.path("clientId").asText())) {
          return client;
        }
      }
      return null;
    }

    Stack copy() throws IOException {
      @SuppressWarnings("unchecked")
      Map<String, Object> composeCopy = JSON.readValue(JSON.writeValueAsBytes(compose), Map.class);
      return new Stack(composeCopy, new LinkedHashMap<>(env), new ArrayList<>(dockerfile), pom, realm.deepCopy(),
          camundaProfile);
    }
  }

  Stack stack;

  @BeforeEach
  void read() throws IOException {
    stack = new Stack(readYaml(COMPOSE_FILE), readEnv(ENV_FILE), Files.readAllLines(DOCKERFILE),
        Files.readString(Path.of("pom.xml")), JSON.readTree(REALM_FILE.toFile()), Files.readString(CAMUNDA_PROFILE));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The tests

  @Test
  @DisplayName("docker-compose.yml is valid by the Compose Specification's JSON schema")
  void validByTheComposeSpecification() throws IOException {
    assertThat(schemaViolations(stack.compose())).isEmpty();
  }

  @Test
  @DisplayName("The schema check itself refuses what docker compose would refuse")
  void schemaRefusesInvalidFiles() throws IOException {
    Stack misspelt = stack.copy();
    Map<String, Object> mysql = misspelt.services().get("mysql");
    mysql.put("helthcheck", mysql.remove("healthcheck"));
    assertThat(schemaViolations(misspelt.compose())).anySatisfy(v -> assertThat(v).contains("helthcheck"));

    Stack wrongType = stack.copy();
    wrongType.services().get("app").put("ports", 8080);
    assertThat(schemaViolations(wrongType.compose())).isNotEmpty();

    Stack badCondition = stack.copy();
    badCondition.services().get("app").put("depends_on", Map.of("mysql", Map.of("condition", "service_ready")));
    assertThat(schemaViolations(badCondition.compose())).isNotEmpty();
  }

  @Test
  @DisplayName("Every stack rule holds: pinned images from .env, pom versions, services, health checks, start order, "
      + "app environment, realm clients, mounted files, Dockerfile")
  void stackRulesHold() {
    assertThat(imagesPinnedThroughEnv(stack)).as("images").isEmpty();
    assertThat(versionsFollowThePom(stack)).as("versions").isEmpty();
    assertThat(requiredServicesPresent(stack)).as("services").isEmpty();
    assertThat(everyServiceHealthChecked(stack)).as("health checks").isEmpty();
    assertThat(startOrderByHealth(stack)).as("depends_on").isEmpty();
    assertThat(volumesNamedOrExisting(stack)).as("volumes").isEmpty();
    assertThat(appEnvironmentComplete(stack)).as("app environment").isEmpty();
    assertThat(realmClientsMatch(stack)).as("realm clients").isEmpty();
    assertThat(dockerfileStagesPinned(stack)).as("Dockerfile").isEmpty();
    assertThat(everyVariableDefined(stack)).as("variables").isEmpty();
  }

  static Stream<Arguments> brokenCopies() {
    return Stream.of(
        broken("image on latest", s -> s.services().get("mysql").put("image", "mysql:latest"), "images"),
        broken("image without tag", s -> s.services().get("mailpit").put("image", "axllent/mailpit"), "images"),
        broken("tag written into the file", s -> s.services().get("mysql").put("image", "mysql:8.4.6"), "images"),
        broken("latest in .env", s -> s.env().put("MAILPIT_VERSION", "latest"), "images"),
        broken("Camunda version not the pom's", s -> s.env().put("CAMUNDA_VERSION", "8.8.13"), "versions"),
        broken("service missing", s -> s.services().remove("mailpit"), "services"),
        broken("health check missing", s -> s.services().get("mysql").remove("healthcheck"), "health checks"),
        broken("health check disabled",
            s -> s.services().get("app").put("healthcheck", Map.of("disable", true)), "health checks"),
        broken("depends_on without condition",
            s -> s.services().get("app").put("depends_on", List.of("mysql")), "depends_on"),
        broken("depends_on an unknown service", s -> s.services().get("app")
            .put("depends_on", Map.of("postgres", Map.of("condition", "service_healthy"))), "depends_on"),
        broken("realm file not there", s -> s.services().get("keycloak")
            .put("volumes", List.of("./keycloak/realm.json:/opt/keycloak/data/import/realm.json:ro")), "volumes"),
        broken("undeclared named volume", s -> s.services().get("mysql")
            .put("volumes", List.of("db:/var/lib/mysql")), "volumes"),
        broken("app without DB_URL", s -> environmentOf(s, "app").remove("DB_URL"), "app environment"),
        broken("app without the camunda profile",
            s -> environmentOf(s, "app").put("SPRING_PROFILES_ACTIVE", "keycloak"), "app environment"),
        broken("app with an unknown client", s -> environmentOf(s, "app").put("ZEEBE_CLIENT_ID", "zeebe"),
            "realm clients"),
        broken("wrong client secret", s -> s.env().put("ZEEBE_CLIENT_SECRET", "secret"), "realm clients"),
        broken("realm client description too long for Keycloak", s -> ((ObjectNode) s.realmClient("orchestration"))
            .put("description", "x".repeat(256)), "realm clients"),
        broken("Dockerfile stage on latest",
            s -> s.dockerfile().replaceAll(l -> l.startsWith("FROM node:") ? "FROM node:latest AS web" : l),
            "Dockerfile"),
        broken("Dockerfile runs as root",
            s -> s.dockerfile().removeIf(l -> l.startsWith("USER ")), "Dockerfile"),
        broken("variable not in .env", s -> s.env().remove("DB_PASSWORD"), "variables"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCopies")
  @DisplayName("Every rule fails on a broken copy")
  void rulesCatchBrokenCopies(String name, Consumer<Stack> breakIt, String rule) throws IOException {
    Stack copy = stack.copy();
    breakIt.accept(copy);
    assertThat(rules(copy).get(rule)).as(name).isNotEmpty();
  }

  private static Arguments broken(String name, Consumer<Stack> breakIt, String rule) {
    return Arguments.of(name, breakIt, rule);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environmentOf(Stack s, String service) {
    return (Map<String, Object>) s.services().get(service).get("environment");
  }

  static Map<String, List<String>> rules(Stack s) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("images", imagesPinnedThroughEnv(s));
    all.put("versions", versionsFollowThePom(s));
    all.put("services", requiredServicesPresent(s));
    all.put("health checks", everyServiceHealthChecked(s));
    all.put("depends_on", startOrderByHealth(s));
    all.put("volumes", volumesNamedOrExisting(s));
    all.put("app environment", appEnvironmentComplete(s));
    all.put("realm clients", realmClientsMatch(s));
    all.put("Dockerfile", dockerfileStagesPinned(s));
    all.put("variables", everyVariableDefined(s));
    return all;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The rules: each returns its problems, empty when it holds

  /** image: name:${VERSION_VARIABLE[:?message]}, the variable set in .env to a tag other than latest. */
  static List<String> imagesPinnedThroughEnv(Stack s) {
    List<String> problems = new ArrayList<>();
    s.services().forEach((name, service) -> {
      Object image = service.get("image");
      if (image == null) {
        if (service.get("build") == null) {
          problems.add(name + ": neither image nor build");
        }
        return;
      }
      Matcher m = PINNED_BY_VARIABLE.matcher(String.valueOf(image));
      if (!m.matches()) {
        problems.add(name + ": image " + image + " is not name:${VERSION} with the version in .env");
        return;
      }
      String tag = s.env().get(m.group(1));
      if (tag == null || tag.isBlank()) {
        problems.add(name + ": " + m.group(1) + " is not set in .env");
      } else if (tag.equals("latest") || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        problems.add(name + ": " + m.group(1) + "=" + tag + " is not a pinned tag");
      }
    });
    return problems;
  }

  static List<String> versionsFollowThePom(Stack s) {
    List<String> problems = new ArrayList<>();
    for (String variable : VERSION_VARIABLES) {
      if (!s.env().containsKey(variable)) {
        problems.add(".env has no " + variable);
      }
    }
    Map<String, String> pomProperty = Map.of("CAMUNDA_VERSION", "camunda.version", "KEYCLOAK_VERSION",
        "keycloak.version");
    pomProperty.forEach((variable, property) -> {
      Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(s.pom());
      if (!m.find()) {
        problems.add("pom.xml has no " + property);
      } else if (!m.group(1).equals(s.env().get(variable))) {
        problems.add(".env " + variable + "=" + s.env().get(variable) + " but pom.xml " + property + "=" + m.group(1));
      }
    });
    return problems;
  }

  static List<String> requiredServicesPresent(Stack s) {
    return REQUIRED_SERVICES.stream().filter(name -> !s.services().containsKey(name)).sorted()
        .map(name -> "service " + name + " missing").toList();
  }

  static List<String> everyServiceHealthChecked(Stack s) {
    List<String> problems = new ArrayList<>();
    s.services().forEach((name, service) -> {
      if (!(service.get("healthcheck") instanceof Map<?, ?> check) || Boolean.TRUE.equals(check.get("disable"))
          || !(check.get("test") instanceof List<?> test) || test.size() < 2
          || !List.of("CMD", "CMD-SHELL").contains(String.valueOf(test.get(0)))) {
        problems.add(name + ": no health check test");
      }
    });
    return problems;
  }

  /** depends_on in the long form only, every entry an existing service, started when healthy. */
  static List<String> startOrderByHealth(Stack s) {
    List<String> problems = new ArrayList<>();
    s.services().forEach((name, service) -> {
      Object dependsOn = service.get("depends_on");
      if (dependsOn == null) {
        return;
      }
      if (!(dependsOn instanceof Map<?, ?> map)) {
        problems.add(name + ": depends_on without conditions");
        return;
      }
      map.forEach((other, spec) -> {
        if (!s.services().containsKey(String.valueOf(other))) {
          problems.add(name + ": depends on unknown service " + other);
        }
        if (!(spec instanceof Map<?, ?> m) || !"service_healthy".equals(m.get("condition"))) {
          problems.add(name + ": " + other + " without condition service_healthy");
        }
      });
    });
    if (s.services().containsKey("app")) {
      Object appDeps = s.services().get("app").get("depends_on");
      Set<String> needed = Set.of("orchestration", "keycloak", "mysql", "mailpit");
      if (!(appDeps instanceof Map<?, ?> m) || !m.keySet().containsAll(needed)) {
        problems.add("app must wait for " + needed);
      }
    }
    return problems;
  }

  /** Bind mounts point at files of the repository (the realm above all); named volumes are declared. */
  static List<String> volumesNamedOrExisting(Stack s) {
    List<String> problems = new ArrayList<>();
    Object declared = s.compose().get("volumes");
    Set<String> named = declared instanceof Map<?, ?> m
        ? m.keySet().stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
    s.services().forEach((name, service) -> {
      if (!(service.get("volumes") instanceof List<?> volumes)) {
        return;
      }
      for (Object volume : volumes) {
        String source = String.valueOf(volume).split(":", 2)[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          if (!Files.exists(COMPOSE_FILE.toAbsolutePath().getParent().resolve(source).normalize())) {
            problems.add(name + ": mounted " + source + " does not exist");
          }
        } else if (!named.contains(source)) {
          problems.add(name + ": volume " + source + " not declared under volumes");
        }
      }
    });
    boolean realmMounted = s.services().getOrDefault("keycloak", Map.of()).get("volumes") instanceof List<?> v
        && v.stream().map(String::valueOf).anyMatch(m -> m.startsWith("./" + REALM_FILE + ":/opt/keycloak/data/import/"));
    if (!realmMounted) {
      problems.add("keycloak: " + REALM_FILE + " not mounted into /opt/keycloak/data/import");
    }
    return problems;
  }

  /** The app runs the camunda and keycloak profiles and is given every ${VARIABLE} application-camunda.yml reads. */
  static List<String> appEnvironmentComplete(Stack s) {
    List<String> problems = new ArrayList<>();
    Map<String, String> env = s.environment("app");
    Set<String> read = new LinkedHashSet<>();
    Matcher m = SPRING_PLACEHOLDER.matcher(s.camundaProfile());
    while (m.find()) {
      read.add(m.group(1));
    }
    if (read.size() < 10) {
      problems.add("application-camunda.yml names only " + read);
    }
    read.add("KEYCLOAK_URL");
    for (String variable : read) {
      if (!env.containsKey(variable)) {
        problems.add("app: " + variable + " (read by the camunda profile) not set");
      }
    }
    Set<String> profiles = Set.of(env.getOrDefault("SPRING_PROFILES_ACTIVE", "").split("\\s*,\\s*"));
    if (!profiles.containsAll(Set.of("camunda", "keycloak"))) {
      problems.add("app: SPRING_PROFILES_ACTIVE must name camunda and keycloak, is " + profiles);
    }
    if (!env.getOrDefault("ZEEBE_GRPC_ADDRESS", "").startsWith("http://orchestration:")
        || !env.getOrDefault("ZEEBE_REST_ADDRESS", "").startsWith("http://orchestration:")
        || !env.getOrDefault("DB_URL", "").startsWith("jdbc:mysql://mysql:")
        || !"mailpit".equals(env.get("SMTP_HOST"))) {
      problems.add("app: cluster, database and SMTP must be the stack's services");
    }
    return problems;
  }

  /**
   * The clients the stack names exist in the realm: the app's client-credentials client (its secret as in .env,
   * audience orchestration-api), the cluster's sign-in client (redirect URI registered), the app's browser client.
   */
  static List<String> realmClientsMatch(Stack s) {
    List<String> problems = new ArrayList<>();
    Map<String, String> app = s.environment("app");
    JsonNode worker = s.realmClient(app.getOrDefault("ZEEBE_CLIENT_ID", ""));
    if (worker == null) {
      problems.add("realm has no client " + app.get("ZEEBE_CLIENT_ID"));
    } else {
      if (!worker.path("serviceAccountsEnabled").asBoolean()) {
        problems.add(worker.path("clientId").asText() + ": no client credentials");
      }
      if (!worker.path("secret").asText().equals(app.get("ZEEBE_CLIENT_SECRET"))) {
        problems.add(worker.path("clientId").asText() + ": the app's secret is not the realm's");
      }
      if (!hasAudience(worker, app.getOrDefault("ZEEBE_TOKEN_AUDIENCE", ""))
          || !ORCHESTRATION_AUDIENCE.equals(app.get("ZEEBE_TOKEN_AUDIENCE"))) {
        problems.add(worker.path("clientId").asText() + ": no audience mapper for " + ORCHESTRATION_AUDIENCE);
      }
    }
    Map<String, String> cluster = s.environment("orchestration");
    String prefix = "CAMUNDA_SECURITY_AUTHENTICATION_OIDC_";
    JsonNode web = s.realmClient(cluster.getOrDefault(prefix + "CLIENTID", ""));
    if (web == null) {
      problems.add("realm has no client " + cluster.get(prefix + "CLIENTID") + " for the cluster's sign-in");
    } else {
      if (!web.path("secret").asText().equals(cluster.get(prefix + "CLIENTSECRET"))) {
        problems.add("orchestration: the cluster's client secret is not the realm's");
      }
      String redirect = cluster.getOrDefault(prefix + "REDIRECTURI", "");
      boolean registered = false;
      for (JsonNode uri : web.path("redirectUris")) {
        String pattern = uri.asText();
        registered |= pattern.endsWith("*") ? redirect.startsWith(pattern.substring(0, pattern.length() - 1))
            : redirect.equals(pattern);
      }
      if (!registered) {
        problems.add("orchestration: redirect URI " + redirect + " not registered");
      }
      if (!hasAudience(web, ORCHESTRATION_AUDIENCE)) {
        problems.add("orchestration: no audience mapper for " + ORCHESTRATION_AUDIENCE);
      }
      if (!cluster.getOrDefault(prefix + "AUDIENCES_0", "").equals(ORCHESTRATION_AUDIENCE)) {
        problems.add("orchestration: the cluster does not accept the audience " + ORCHESTRATION_AUDIENCE);
      }
      String groupsClaim = cluster.get(prefix + "GROUPSCLAIM");
      boolean rolesAsGroups = false;
      for (JsonNode mapper : web.path("protocolMappers")) {
        rolesAsGroups |= "oidc-usermodel-realm-role-mapper".equals(mapper.path("protocolMapper").asText())
            && mapper.path("config").path("claim.name").asText().equals(groupsClaim);
      }
      if (!rolesAsGroups) {
        problems.add("orchestration: the realm roles are not the groups claim " + groupsClaim);
      }
    }
    String issuer = s.interpolate(app.getOrDefault("KEYCLOAK_URL", "")) + "/realms/" + s.realm().path("realm").asText();
    if (!issuer.equals(cluster.get(prefix + "ISSUERURI"))
        || !app.getOrDefault("ZEEBE_TOKEN_URL", "").startsWith(issuer + "/")) {
      problems.add("app and cluster must use the same issuer " + issuer);
    }
    // Keycloak stores a client's name and description in columns of 255 characters: a longer one fails the import
    for (JsonNode client : s.realm().path("clients")) {
      for (String field : List.of("name", "description")) {
        if (client.path(field).asText().length() > 255) {
          problems.add(client.path("clientId").asText() + ": " + field + " longer than Keycloak's 255 characters");
        }
      }
    }
    if (s.realmClient(app.getOrDefault("KEYCLOAK_WEB_CLIENT_ID", "fulfillment-web")) == null) {
      problems.add("realm has no browser client " + app.get("KEYCLOAK_WEB_CLIENT_ID"));
    }
    return problems;
  }

  private static boolean hasAudience(JsonNode client, String audience) {
    for (JsonNode mapper : client.path("protocolMappers")) {
      JsonNode config = mapper.path("config");
      if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
          && "true".equals(config.path("access.token.claim").asText())
          && (audience.equals(config.path("included.custom.audience").asText())
              || audience.equals(config.path("included.client.audience").asText()))) {
        return true;
      }
    }
    return false;
  }

  /** Every FROM is an image with a pinned tag (or an earlier stage); several stages; the last one not root. */
  static List<String> dockerfileStagesPinned(Stack s) {
    List<String> problems = new ArrayList<>();
    Set<String> stages = new LinkedHashSet<>();
    String lastUser = null;
    for (String line : s.dockerfile()) {
      String trimmed = line.strip();
      if (trimmed.regionMatches(true, 0, "FROM ", 0, 5)) {
        String[] words = trimmed.split("\\s+");
        String image = words[1];
        if (!stages.contains(image)) {
          Matcher tag = Pattern.compile("^[a-z0-9][a-z0-9./_-]*:([A-Za-z0-9_][A-Za-z0-9_.-]*)$").matcher(image);
          if (!tag.matches() || tag.group(1).equals("latest")) {
            problems.add("FROM " + image + " is not pinned by a tag");
          }
        }
        if (words.length >= 4 && words[2].equalsIgnoreCase("AS")) {
          stages.add(words[3]);
        }
        lastUser = null;
      } else if (trimmed.regionMatches(true, 0, "USER ", 0, 5)) {
        lastUser = trimmed.substring(5).strip();
      }
    }
    if (stages.size() < 3) {
      problems.add("expected a multi-stage build (pages, jar, runtime), stages: " + stages);
    }
    if (lastUser == null || lastUser.startsWith("root") || lastUser.startsWith("0")) {
      problems.add("the runtime stage must switch to a non-root USER");
    }
    if (s.dockerfile().stream().noneMatch(l -> l.contains("-Dfrontend.skip=true"))
        || s.dockerfile().stream().noneMatch(l -> l.contains("npm ci"))) {
      problems.add("the pages are built in their own stage (npm ci) and the Maven build skips them");
    }
    Object build = s.services().getOrDefault("app", Map.of()).get("build");
    if (!(build instanceof Map<?, ?> b) || !".".equals(b.get("context"))
        || !DOCKERFILE.getFileName().toString().equals(String.valueOf(b.get("dockerfile")))) {
      problems.add("app: build must use context . and " + DOCKERFILE.getFileName());
    }
    return problems;
  }

  /** Every ${VARIABLE} the compose file interpolates without a default is set in .env. */
  static List<String> everyVariableDefined(Stack s) {
    List<String> problems = new ArrayList<>();
    try {
      Matcher m = VARIABLE.matcher(JSON.writeValueAsString(s.compose()));
      while (m.find()) {
        boolean hasDefault = m.group(2) != null && m.group(2).matches(":?-.*");
        if (!hasDefault && !s.env().containsKey(m.group(1))) {
          problems.add("${" + m.group(1) + "} not set in .env");
        }
      }
    } catch (IOException e) {
      problems.add(e.toString());
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  static List<String> schemaViolations(Map<String, Object> compose) throws IOException {
    JsonNode schemaNode;
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      assertThat(in).as("src/test/resources/compose-spec/compose-spec.json").isNotNull();
      schemaNode = JSON.readTree(in);
    }
    // the file names its meta-schema https://json-schema.org/draft-07/schema; the validator knows draft 7 by the
    // canonical id (no download)
    ((ObjectNode) schemaNode).put("$schema", "http://json-schema.org/draft-07/schema#");
    // and an absolute $id instead of the relative "compose_spec.json" (every $ref of the file is internal: "#/...")
    ((ObjectNode) schemaNode).put("$id",
        "https://raw.githubusercontent.com/compose-spec/compose-spec/main/schema/compose-spec.json");
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
    return schema.validate(JSON.valueToTree(compose)).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readYaml(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
    assertThat(document).as(file + " is a YAML mapping").isInstanceOf(Map.class);
    return (Map<String, Object>) document;
  }

  /** KEY=VALUE lines as docker compose reads .env (comments and blank lines skipped, no quotes used here). */
  static Map<String, String> readEnv(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] kv = trimmed.split("=", 2);
      assertThat(kv).as(file + ": " + line).hasSize(2);
      assertThat(env.put(kv[0].strip(), kv[1].strip())).as(file + ": " + kv[0] + " twice").isNull();
    }
    return env;
  }
}
