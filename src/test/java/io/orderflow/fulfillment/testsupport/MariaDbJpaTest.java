package io.orderflow.fulfillment.testsupport;

import io.orderflow.fulfillment.DemoDataTestImport;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A JPA slice ({@code @DataJpaTest}: entities, repositories, Flyway, no web layer, no Camunda client, no embedded
 * engine) against a real MariaDB database, configured like production on MySQL 8: MySQL Connector/J, the MySQL
 * dialect, Flyway with {@code flyway-mysql}, plus the demo catalogue ({@code fulfillment.demo-data=true}).
 *
 * <p>The class must also register a {@link MariaDbDatabase} and hand it to Spring from a
 * {@code @DynamicPropertySource} method. The context is closed after the class ({@code @DirtiesContext}), before the
 * database is dropped, and is never reused by a class with another database. Test methods run in a transaction that is
 * rolled back, as with any {@code @DataJpaTest}, unless they say otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("mariadb")
@DataJpaTest(showSql = false, properties = {
    "spring.jpa.database-platform=org.hibernate.dialect.MySQLDialect",
    "spring.flyway.enabled=true",
    "fulfillment.demo-data=true"
})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(DemoDataTestImport.class)
@DirtiesContext
public @interface MariaDbJpaTest {}
