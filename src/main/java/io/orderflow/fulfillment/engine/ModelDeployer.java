package io.orderflow.fulfillment.engine;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys every model and form at start, in one deployment so linked forms resolve (see {@link ModelPublisher}: checked,
 * adapted for the embedded runtime, deployed). Zeebe makes an unchanged resource a no-op and a changed one a new
 * version.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final ModelPublisher publisher;
  private final ProcessModels models;

  ModelDeployer(ModelPublisher publisher, ProcessModels models) {
    this.publisher = publisher;
    this.models = models;
  }

  @Override
  public void run(ApplicationArguments args) {
    ModelPublisher.Publication publication = publisher.publish(models.resources(), "startup");
    log.info("Deployed at start: processes [{}], decisions [{}], forms [{}]",
        publication.processes().stream().map(p -> p.bpmnProcessId() + " v" + p.version())
            .collect(Collectors.joining(", ")),
        String.join(", ", publication.decisions()), String.join(", ", publication.forms()));
  }
}
