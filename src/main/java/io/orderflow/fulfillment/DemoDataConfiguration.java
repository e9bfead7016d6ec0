package io.orderflow.fulfillment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code fulfillment.demo-data=true} (the embedded default) Flyway also applies db/demo: a catalogue of about
 * twenty products, the Madrid, Warsaw and Sofia warehouses and their stock. Production leaves it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fulfillment.demo-data", havingValue = "true")
class DemoDataConfiguration {

  @Bean
  FlywayConfigurationCustomizer demoDataLocation() {
    return config -> {
      List<Location> locations = new ArrayList<>(Arrays.asList(config.getLocations()));
      locations.add(new Location("classpath:db/demo"));
      config.locations(locations.toArray(Location[]::new));
    };
  }
}
