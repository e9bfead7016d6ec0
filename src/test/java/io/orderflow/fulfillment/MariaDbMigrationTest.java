package io.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.spring.configuration.CamundaAutoConfiguration;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The Flyway migrations (schema + repeatable demo data) on MariaDB, as production runs them on MySQL 8. */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // what is checked here is committed state
class MariaDbMigrationTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final String DEMO_SCRIPT = "db/demo/R__demo_data.sql";

  @Autowired
  Flyway flyway;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ApplicationContext context;

  @Test
  void runsOnTheUniqueMariaDbDatabaseThroughConnectorJ() throws Exception {
    try (Connection connection = jdbc.getDataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      assertThat(meta.getDriverName()).contains("MySQL Connector/J");
      assertThat(meta.getDatabaseProductVersion()).contains("MariaDB");
      assertThat(connection.getCatalog()).isEqualTo(database.name());
    }
    assertThat(jdbc.queryForObject("select version()", String.class)).contains("MariaDB");
    assertThat(jdbc.queryForObject("select @@character_set_database", String.class)).isEqualTo("utf8mb4");
  }

  @Test
  void theSliceStartsNeitherTheCamundaClientNorTheEmbeddedEngine() {
    assertThat(context.getBeanNamesForType(CamundaClient.class)).isEmpty();
    assertThat(context.getBeanNamesForType(CamundaAutoConfiguration.class)).isEmpty();
    assertThat(context.getBeanNamesForType(ZeebeTestEngine.class)).isEmpty();
    assertThat(context.containsBean("embeddedZeebeEngine")).isFalse();
    assertThat(Arrays.stream(context.getBeanDefinitionNames()))
        .noneMatch(name -> name.toLowerCase().contains("camunda") || name.toLowerCase().contains("zeebe"));
  }

  @Test
  void appliesTheSchemaAndTheRepeatableDemoData() {
    // Every versioned migration in db/migration, in order, then the repeatable demo data (a later test of this class
    // re-applies the demo data on purpose, so only the first run after the versioned ones is looked at).
    List<String> versions = versionedMigrations();
    List<Map<String, Object>> firstRuns = jdbc.queryForList("""
        select version, description, type, success from flyway_schema_history
        where installed_rank <= ? order by installed_rank""", versions.size() + 1);
    assertThat(firstRuns).extracting(r -> r.get("version")).containsExactlyElementsOf(
        java.util.stream.Stream.concat(versions.stream(), java.util.stream.Stream.of((String) null)).toList());
    assertThat(firstRuns.get(0)).containsEntry("description", "orders inventory tasks");
    assertThat(firstRuns.get(versions.size())).containsEntry("description", "demo data");
    assertThat(firstRuns).extracting(r -> r.get("success")).containsOnly(true);
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().applied()).extracting(MigrationInfo::getState)
        .containsOnly(MigrationState.SUCCESS, MigrationState.SUPERSEDED);
    assertDemoCatalogue();
  }

  @Test
  void checkConstraintsAndForeignKeysExistOnMariaDb() {
    List<String> checks = jdbc.queryForList("""
        select constraint_name from information_schema.check_constraints
        where constraint_schema = database() order by constraint_name""", String.class);
    assertThat(checks).contains("ck_product_price", "ck_product_weight", "ck_stock_on_hand", "ck_stock_reserved",
        "ck_line_quantity", "ck_reservation_quantity", "ck_cart_line_quantity");
    List<String> foreignKeys = jdbc.queryForList("""
        select constraint_name from information_schema.referential_constraints
        where constraint_schema = database() order by constraint_name""", String.class);
    assertThat(foreignKeys).contains("fk_stock_product", "fk_stock_warehouse", "fk_order_warehouse",
        "fk_line_order", "fk_line_product", "fk_reservation_stock", "fk_cart_line_cart", "fk_cart_line_product",
        "fk_order_shipment_order", "fk_order_shipment_warehouse");
    assertThat(jdbc.queryForList("""
        select distinct table_name from information_schema.tables
        where table_schema = database() and engine <> 'InnoDB'""", String.class))
        .as("tables not on InnoDB (no transactions, no foreign keys)").isEmpty();
  }

  @Test
  void timestampColumnsGetNoImplicitDefaultsOrAutoUpdate() {
    // With explicit_defaults_for_timestamp=OFF (MySQL 5.7, MariaDB before 10.10) V1 would silently give the first
    // timestamp column of each table DEFAULT/ON UPDATE CURRENT_TIMESTAMP and make the nullable ones NOT NULL.
    assertThat(jdbc.queryForList("""
        select concat(table_name, '.', column_name) from information_schema.columns
        where table_schema = database() and table_name <> 'flyway_schema_history' and data_type = 'timestamp'
          and (column_default is not null and column_default <> 'NULL' or extra like '%on update%')""", String.class))
        .isEmpty();
    assertThat(jdbc.queryForList("""
        select concat(table_name, '.', column_name) from information_schema.columns
        where table_schema = database() and table_name <> 'flyway_schema_history' and data_type = 'timestamp' and is_nullable = 'YES'
        order by 1""", String.class))
        .as("the timestamps that are null until something happens stay nullable")
        .contains("customer_order.acknowledged_at", "customer_order.quote_accepted_at",
            "customer_order.quote_valid_until", "notification.sent_at", "shipment.delivered_at",
            "staff_task.completed_at", "staff_task.due_date", "stock_reservation.expires_at",
            "tracking_event.published_at");
    assertThat(jdbc.queryForList("""
        select distinct datetime_precision from information_schema.columns
        where table_schema = database() and table_name <> 'flyway_schema_history' and data_type = 'timestamp'""", Integer.class)).containsExactly(6);
  }

  @Test
  void runningTheDemoScriptAgainChangesNothingThanksToInsertIgnore() throws Exception {
    jdbc.update("update stock set on_hand = 7 where sku = 'PRINT-LIMITED' and warehouse_id = 'madrid'");
    try (Connection connection = database.connect()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(DEMO_SCRIPT));
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(DEMO_SCRIPT));
    }
    assertDemoCatalogue();
    assertThat(onHand("PRINT-LIMITED", "madrid")).as("an existing row is kept, not overwritten").isEqualTo(7);
  }

  @Test
  void flywayReappliesTheRepeatableDemoMigrationWhenItsChecksumChanges(@TempDir Path dir) throws Exception {
    assertThat(flyway.migrate().migrationsExecuted).as("nothing left to migrate").isZero();

    String script = new ClassPathResource(DEMO_SCRIPT).getContentAsString(StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("R__demo_data.sql"), script + "\n-- edited: new checksum\n");
    Flyway edited = Flyway.configure()
        .configuration(flyway.getConfiguration())
        .locations("classpath:db/migration", "filesystem:" + dir)
        .load();

    MigrateResult result = edited.migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(1);
    assertThat(result.migrations).singleElement()
        .satisfies(m -> assertThat(m.description).isEqualTo("demo data"));
    assertThat(jdbc.queryForObject(
        "select count(*) from flyway_schema_history where description = 'demo data' and success = 1", Integer.class))
        .isEqualTo(2);
    assertDemoCatalogue();
    edited.validate();

    // Back to the script as shipped: applied once more, and nothing is pending for the application's Flyway.
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(flyway.info().pending()).isEmpty();
    assertDemoCatalogue();
  }

  private void assertDemoCatalogue() {
    assertThat(count("warehouse")).isEqualTo(3);
    assertThat(count("product")).isEqualTo(21);
    assertThat(count("stock")).isEqualTo(63);
    assertThat(jdbc.queryForList("select id from warehouse order by id", String.class))
        .containsExactly("madrid", "sofia", "warsaw");
    Map<String, Object> stockPerWarehouse = jdbc.queryForMap("""
        select sum(warehouse_id = 'madrid') madrid, sum(warehouse_id = 'warsaw') warsaw, sum(warehouse_id = 'sofia') sofia
        from stock""");
    assertThat(stockPerWarehouse.values()).allSatisfy(n -> assertThat(((Number) n).intValue()).isEqualTo(21));
    assertThat(jdbc.queryForObject("select count(*) from stock where reserved <> 0", Integer.class)).isZero();
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private int onHand(String sku, String warehouseId) {
    return jdbc.queryForObject("select on_hand from stock where sku = ? and warehouse_id = ?", Integer.class, sku,
        warehouseId);
  }

  /** The versions of src/main/resources/db/migration/V*__*.sql, in numeric order. */
  private static List<String> versionedMigrations() {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
        java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
          .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
