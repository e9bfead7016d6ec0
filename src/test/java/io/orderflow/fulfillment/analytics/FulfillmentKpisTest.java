package io.orderflow.fulfillment.analytics;

import io.orderflow.fulfillment.DemoDataTestImport;
import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** The KPI queries and figures on the embedded runtime's database (H2 in MySQL mode, with the demo catalogue). */
@DataJpaTest(showSql = false, properties = "fulfillment.demo-data=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DemoDataTestImport.class, FulfillmentKpis.class, KpiQueries.class, FulfillmentKpisContract.FixedClock.class})
@DisplayName("Fulfilment KPIs of a known data set (H2)")
class FulfillmentKpisTest extends FulfillmentKpisContract {}
