package io.orderflow.fulfillment.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away database on the machine's MariaDB, one per test class that registers this extension.
 *
 * <pre>{@code
 * @MariaDbJpaTest
 * class SomethingMariaDbTest {
 *   @RegisterExtension static final MariaDbDatabase database = new MariaDbDatabase();
 *   @DynamicPropertySource static void database(DynamicPropertyRegistry registry) { database.registerProperties(registry); }
 * }
 * }</pre>
 *
 * <p>Before the class it creates {@code fulfillment_it_<UTC timestamp>_<random>} (utf8mb4, like MySQL 8); after the
 * class, and also when a test or the Spring context failed, it drops that database again. The drop is attached to the
 * class's JUnit store, which is closed after every {@code afterAll} callback, so the Spring context (closed by
 * {@code @DirtiesContext} in {@link MariaDbJpaTest}) has released its connections by then. A JVM shutdown hook drops
 * the database too if the test JVM is stopped before JUnit gets there.
 *
 * <p>When the server cannot be reached the test class FAILS (it does not skip): CI guarantees a running server.
 * The server is root@127.0.0.1:3306 with an empty password unless the system properties or environment variables
 * {@code mariadb.host}/{@code MARIADB_HOST}, {@code mariadb.port}/{@code MARIADB_PORT}, {@code mariadb.user}/
 * {@code MARIADB_USER} and {@code mariadb.password}/{@code MARIADB_PASSWORD} say otherwise.
 */
public final class MariaDbDatabase implements BeforeAllCallback {

  public static final String START_COMMAND = "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
  public static final String NAME_PREFIX = "fulfillment_it_";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final String host = setting("mariadb.host", "MARIADB_HOST", "127.0.0.1");
  private final int port = Integer.parseInt(setting("mariadb.port", "MARIADB_PORT", "3306"));
  private final String user = setting("mariadb.user", "MARIADB_USER", "root");
  private final String password = setting("mariadb.password", "MARIADB_PASSWORD", "");
  private final String name = NAME_PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
      + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private volatile Boolean writesFractionalSeconds;

  /** The database's name, unique for this test class and run. */
  public String name() {
    return name;
  }

  /** URL of the test database for the application (MySQL Connector/J, as in production). */
  public String jdbcUrl() {
    return serverUrl() + name;
  }

  public String username() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Points Spring's datasource at the test database; call it from a {@code @DynamicPropertySource} method. */
  public void registerProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", this::jdbcUrl);
    registry.add("spring.datasource.username", this::username);
    registry.add("spring.datasource.password", this::password);
    registry.add("spring.datasource.driver-class-name", () -> "com.mysql.cj.jdbc.Driver");
  }

  /** A new connection to the test database, outside Spring (the caller closes it). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /**
   * Whether MySQL Connector/J sends the fractional seconds of timestamps it writes. It does so only to servers whose
   * handshake version is at least 5.6.4; MariaDB 10.x introduces itself as {@code 5.5.5-10.x…}, so the driver
   * truncates every written {@code Timestamp}/{@code Instant} to whole seconds (reading keeps the microseconds).
   * MySQL 8 in production is not affected.
   */
  public boolean driverWritesFractionalSeconds() {
    Boolean known = writesFractionalSeconds;
    if (known == null) {
      try (Connection connection = connect()) {
        DatabaseMetaData meta = connection.getMetaData();
        int major = meta.getDatabaseMajorVersion();
        known = major > 5 || (major == 5 && meta.getDatabaseMinorVersion() >= 6); // 5.6.0-5.6.3 were never GA
        writesFractionalSeconds = known;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the server version of " + name, e);
      }
    }
    return known;
  }

  /** {@code instant} as the application stores it through this driver on this server (see above). */
  public Instant asWritten(Instant instant) {
    return driverWritesFractionalSeconds() ? instant : instant.truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    createDatabase();
    Dropper dropper = new Dropper();
    context.getStore(ExtensionContext.Namespace.create(MariaDbDatabase.class, name)).put("database", dropper);
    Runtime.getRuntime().addShutdownHook(dropper.hook);
  }

  private void createDatabase() {
    try (Connection connection = DriverManager.getConnection(serverUrl() + "?connectTimeout=5000", user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create database `" + name + "` character set utf8mb4");
    } catch (SQLException e) {
      throw new IllegalStateException("""
          The tests tagged "mariadb" need the machine's MariaDB at %s:%d (user %s), and it cannot be used: %s
          Start the server with:
              %s
          (or exclude these tests with -Dsurefire.excludedGroups=mariadb)"""
          .formatted(host, port, user, e.getMessage(), START_COMMAND), e);
    }
  }

  private void dropDatabase() {
    try (Connection connection = DriverManager.getConnection(serverUrl() + "?connectTimeout=5000", user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop the test database " + name + " on " + host + ":" + port, e);
    }
  }

  private String serverUrl() {
    return "jdbc:mysql://" + host + ":" + port + "/";
  }

  private static String setting(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(environment);
    }
    return value == null ? fallback : value;
  }

  /** Drops the database once: when JUnit closes the class's store, or at JVM shutdown if that never happened. */
  private final class Dropper implements ExtensionContext.Store.CloseableResource {

    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread hook = new Thread(this::dropOnce, "drop-" + name);

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      dropOnce();
    }

    private void dropOnce() {
      if (dropped.compareAndSet(false, true)) {
        dropDatabase();
      }
    }
  }
}
