package io.orderflow.fulfillment.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded engine never forgets: it keeps every record in memory. Health ({@code /actuator/health}) and metrics
 * ({@code fulfillment.engine.records}, {@code fulfillment.engine.instances}) show how far it has grown.
 */
@Component("embeddedEngine")
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineHealth implements HealthIndicator {

  private final EmbeddedProcessMonitor monitor;
  private final int port;

  EmbeddedEngineHealth(EmbeddedProcessMonitor monitor, MeterRegistry meters, @Value("${fulfillment.engine.port}") int port) {
    this.monitor = monitor;
    this.port = port;
    Gauge.builder("fulfillment.engine.records", monitor, EmbeddedProcessMonitor::recordCount)
        .description("Records held in memory by the embedded Zeebe engine").register(meters);
    Gauge.builder("fulfillment.engine.instances", monitor, EmbeddedProcessMonitor::instanceCount)
        .description("Process instances seen by the embedded Zeebe engine").register(meters);
  }

  @Override
  public Health health() {
    long usedHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return Health.up()
        .withDetail("runtime", "embedded in-memory Zeebe engine; all state is lost on restart")
        .withDetail("grpcPort", port)
        .withDetail("records", monitor.recordCount())
        .withDetail("processInstances", monitor.instanceCount())
        .withDetail("heapUsedMb", usedHeap / (1024 * 1024))
        .build();
  }
}
