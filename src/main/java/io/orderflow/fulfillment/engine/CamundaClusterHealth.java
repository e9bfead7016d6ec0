package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The connection to the Camunda cluster as health component {@code camunda} ({@code /actuator/health}): UP with the
 * gateway's version and the brokers' partitions when the orchestration cluster's REST API answers {@code GET
 * /v2/topology}, DOWN with the reason when it does not. The app starts either way and says so in one log line.
 */
@Component("camunda")
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "camunda")
class CamundaClusterHealth implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(CamundaClusterHealth.class);
  private static final long TIMEOUT_SECONDS = 5;

  private final CamundaClient client;

  CamundaClusterHealth(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("restAddress", String.valueOf(client.getConfiguration().getRestAddress()));
    where.put("grpcAddress", String.valueOf(client.getConfiguration().getGrpcAddress()));
    try {
      Topology topology = client.newTopologyRequest().useRest().send().join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long partitions = topology.getBrokers().stream().flatMap(b -> b.getPartitions().stream())
          .filter(PartitionInfo::isLeader).count();
      long unhealthy = topology.getBrokers().stream().flatMap(b -> b.getPartitions().stream())
          .filter(p -> p.getHealth() != PartitionBrokerHealth.HEALTHY).count();
      Health.Builder health = topology.getBrokers().isEmpty() || partitions == 0 ? Health.down() : Health.up();
      return health.withDetails(where)
          .withDetail("gatewayVersion", String.valueOf(topology.getGatewayVersion()))
          .withDetail("brokers", topology.getBrokers().size())
          .withDetail("clusterSize", topology.getClusterSize())
          .withDetail("partitions", topology.getPartitionsCount())
          .withDetail("partitionsWithLeader", partitions)
          .withDetail("unhealthyPartitionReplicas", unhealthy)
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetails(where).withDetail("reason", reason(e)).build();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void logConnection() {
    Health health = health();
    Map<String, Object> d = health.getDetails();
    if ("UP".equals(health.getStatus().getCode())) {
      log.info("Camunda cluster connected: REST {}, gateway {}, {} broker(s), {} partition(s)",
          d.get("restAddress"), d.get("gatewayVersion"), d.get("brokers"), d.get("partitions"));
    } else {
      log.warn("Camunda cluster NOT reachable at REST {}: {}. The app runs on; process work waits until the cluster "
          + "answers (health component 'camunda' shows the state).", d.get("restAddress"),
          d.getOrDefault("reason", "no partition has a leader"));
    }
  }

  /** The innermost cause's message, which names what went wrong (refused connection, 401, timeout). */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
    return root == e ? message : e.getClass().getSimpleName() + " (" + message + ")";
  }
}
