package io.orderflow.fulfillment;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package-by-feature boundaries: no cycles, and features only use each other's public API. */
class ModularityTests {

  @Test
  @DisplayName("Feature modules depend on each other only through their published types, without cycles")
  void modulesRespectTheirBoundaries() {
    ApplicationModules.of(FulfillmentApplication.class).verify();
  }
}
