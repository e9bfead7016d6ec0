package io.orderflow.fulfillment.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Deploys every model and form at start, in one deployment so linked forms resolve (see {@link ModelPublisher}: checked,
 * adapted for the embedded runtime, deployed). Zeebe makes an unchanged resource a no-op and a changed one a new
 * version. On a Camunda cluster that cannot be reached at start the app still comes up: it says so and tries again
 * every {@code fulfillment.models.deploy-retry-interval} (default 30 s) until the cluster takes the models. Models the
 * engine refuses stop the start on either runtime.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final ModelPublisher publisher;
  private final ProcessModels models;
  private final boolean cluster;
  private final Duration retryInterval;
  private final ObjectProvider<TaskScheduler> scheduler;
  private volatile ScheduledFuture<?> retry;

  ModelDeployer(ModelPublisher publisher, ProcessModels models,
      @Value("${fulfillment.runtime:embedded}") String runtime,
      @Value("${fulfillment.models.deploy-retry-interval:PT30S}") Duration retryInterval,
      ObjectProvider<TaskScheduler> scheduler) {
    this.publisher = publisher;
    this.models = models;
    this.cluster = "camunda".equals(runtime);
    this.retryInterval = retryInterval;
    this.scheduler = scheduler;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!cluster) {
      deploy();
      return;
    }
    try {
      deploy();
    } catch (ModelPublisher.RefusedModelException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("Models NOT deployed at start: the Camunda cluster did not take them ({}). Trying again every {}.",
          CamundaClusterHealth.reason(e), retryInterval);
      TaskScheduler tasks = scheduler.getIfAvailable();
      if (tasks != null) {
        retry = tasks.scheduleWithFixedDelay(this::retry, java.time.Instant.now().plus(retryInterval), retryInterval);
      }
    }
  }

  private void retry() {
    try {
      deploy();
      ScheduledFuture<?> current = retry;
      if (current != null) {
        current.cancel(false);
      }
    } catch (ModelPublisher.RefusedModelException e) {
      log.error("The Camunda cluster refused the models; not trying again: {}", e.getMessage());
      retry.cancel(false);
    } catch (RuntimeException e) {
      log.warn("Models still not deployed, the Camunda cluster did not take them: {}", CamundaClusterHealth.reason(e));
    }
  }

  private void deploy() {
    ModelPublisher.Publication publication = publisher.publish(models.resources(), "startup");
    log.info("Deployed at start: processes [{}], decisions [{}], forms [{}]",
        publication.processes().stream().map(p -> p.bpmnProcessId() + " v" + p.version())
            .collect(Collectors.joining(", ")),
        String.join(", ", publication.decisions()), String.join(", ", publication.forms()));
  }
}
