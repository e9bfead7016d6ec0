package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.orderflow.fulfillment.engine.ProcessModels.ModelResource;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys every model and form at start, in one deployment so linked forms resolve. On the embedded runtime the BPMN
 * is first adapted (Camunda user tasks become job-based); on a cluster the files go as they are. Zeebe makes an
 * unchanged resource a no-op and a changed one a new version.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final CamundaClient client;
  private final ProcessModels models;
  private final boolean embedded;

  ModelDeployer(CamundaClient client, ProcessModels models, @Value("${fulfillment.runtime:embedded}") String runtime) {
    this.client = client;
    this.models = models;
    this.embedded = "embedded".equals(runtime);
  }

  @Override
  public void run(ApplicationArguments args) {
    DeploymentEvent deployment = deploy(models.resources());
    log.info("Deployed to the {} engine: processes [{}], decisions [{}], forms [{}]", embedded ? "embedded" : "cluster",
        deployment.getProcesses().stream().map(p -> p.getBpmnProcessId() + " v" + p.getVersion())
            .collect(Collectors.joining(", ")),
        deployment.getDecisions().stream().map(d -> d.getDmnDecisionId() + " v" + d.getVersion())
            .collect(Collectors.joining(", ")),
        deployment.getForm().stream().map(f -> f.getFormId() + " v" + f.getVersion()).collect(Collectors.joining(", ")));
  }

  DeploymentEvent deploy(List<ModelResource> resources) {
    if (resources.isEmpty()) {
      throw new IllegalStateException("No models found under processes/ and forms/");
    }
    DeployResourceCommandStep2 command = null;
    for (ModelResource r : resources) {
      byte[] content = embedded && r.isBpmn() ? EmbeddedModelAdapter.toJobBasedUserTasks(r.content()) : r.content();
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(content, r.name())
          : command.addResourceBytes(content, r.name());
    }
    return command.send().join(30, java.util.concurrent.TimeUnit.SECONDS);
  }

}
