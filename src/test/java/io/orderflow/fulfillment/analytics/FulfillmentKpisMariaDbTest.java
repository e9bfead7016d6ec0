package io.orderflow.fulfillment.analytics;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same KPI queries and hand-computed figures on the real MariaDB server (configured like MySQL 8 in production). */
@MariaDbJpaTest
@Import({FulfillmentKpis.class, KpiQueries.class, FulfillmentKpisContract.FixedClock.class})
@DisplayName("Fulfilment KPIs of a known data set (MariaDB)")
class FulfillmentKpisMariaDbTest extends FulfillmentKpisContract {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }
}
