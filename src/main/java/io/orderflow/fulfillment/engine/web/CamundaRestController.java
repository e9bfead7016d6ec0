package io.orderflow.fulfillment.engine.web;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.orderflow.fulfillment.engine.ModelPublisher;
import io.orderflow.fulfillment.engine.ModelPublisher.RefusedModelException;
import io.orderflow.fulfillment.engine.ProcessModels.ModelResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The small part of Camunda 8.8's orchestration REST API that Camunda Desktop Modeler uses against a self-managed
 * cluster, served by the app on the embedded default so the Modeler's "Deploy" and "Start instance" work against it:
 * the connection check (topology), deploying resources and starting an instance. Deployments go through the same
 * checks and adaptation as a saved file ({@link ModelPublisher}); answers and errors have Camunda's shapes (keys as
 * strings, problems with the gRPC status as title).
 */
@RestController
@RequestMapping("/v2")
@ConditionalOnProperty(name = "fulfillment.runtime", havingValue = "embedded", matchIfMissing = true)
class CamundaRestController {

  private static final String TENANT = "<default>";

  record CreateProcessInstanceRequest(String processDefinitionId, String processDefinitionKey,
      Integer processDefinitionVersion, Map<String, Object> variables) {}

  private final ModelPublisher publisher;
  private final CamundaClient client;
  private final String version;
  private final int gatewayPort;

  CamundaRestController(ModelPublisher publisher, CamundaClient client,
      @Value("${camunda.version:8.8.14}") String version, @Value("${fulfillment.engine.port}") int gatewayPort) {
    this.publisher = publisher;
    this.client = client;
    this.version = version;
    this.gatewayPort = gatewayPort;
  }

  /** The connection check: one broker with one healthy leader partition, the in-process engine. */
  @GetMapping("/topology")
  Map<String, Object> topology() {
    Map<String, Object> broker = new LinkedHashMap<>();
    broker.put("nodeId", 0);
    broker.put("host", "127.0.0.1");
    broker.put("port", gatewayPort);
    broker.put("partitions", List.of(Map.of("partitionId", 1, "role", "leader", "health", "healthy")));
    broker.put("version", version);
    Map<String, Object> topology = new LinkedHashMap<>();
    topology.put("brokers", List.of(broker));
    topology.put("clusterSize", 1);
    topology.put("partitionsCount", 1);
    topology.put("replicationFactor", 1);
    topology.put("gatewayVersion", version);
    topology.put("lastCompletedChangeId", "-1");
    return topology;
  }

  /** Deploys the uploaded resources (multipart part {@code resources}, one or more files) as new versions. */
  @PostMapping(path = "/deployments", consumes = "multipart/form-data")
  Map<String, Object> deploy(@RequestPart("resources") List<MultipartFile> resources) {
    List<ModelResource> files = new ArrayList<>();
    for (MultipartFile file : resources) {
      String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName()
          : file.getOriginalFilename();
      if (!(name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))) {
        throw new RefusedModelException(name + ": only .bpmn, .dmn and .form resources can be deployed here");
      }
      try {
        files.add(new ModelResource(name, file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (files.isEmpty()) {
      throw new RefusedModelException("No resources to deploy: send them as multipart parts named 'resources'");
    }
    DeploymentEvent deployment = publisher.publishFiles(files, "deployed over REST: "
        + String.join(", ", files.stream().map(ModelResource::name).toList())).deployment();
    List<String> uploaded = files.stream().map(ModelResource::name).toList();
    List<Map<String, Object>> deployed = new ArrayList<>();
    deployment.getProcesses().stream().filter(p -> uploaded.contains(p.getResourceName()))
        .forEach(p -> deployed.add(Map.of("processDefinition", Map.of("processDefinitionId", p.getBpmnProcessId(),
            "processDefinitionVersion", p.getVersion(), "resourceName", p.getResourceName(), "tenantId", TENANT,
            "processDefinitionKey", String.valueOf(p.getProcessDefinitionKey())))));
    String uploadedDecisions = files.stream().filter(f -> f.name().endsWith(".dmn"))
        .map(f -> new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)).reduce("", String::concat);
    deployment.getDecisions().stream().filter(d -> uploadedDecisions.contains("id=\"" + d.getDmnDecisionId() + "\""))
        .forEach(d -> deployed.add(Map.of("decisionDefinition", Map.of("decisionDefinitionId", d.getDmnDecisionId(),
            "version", d.getVersion(), "name", d.getDmnDecisionName(), "tenantId", TENANT,
            "decisionDefinitionKey", String.valueOf(d.getDecisionKey()),
            "decisionRequirementsId", d.getDmnDecisionRequirementsId(),
            "decisionRequirementsKey", String.valueOf(d.getDecisionRequirementsKey())))));
    deployment.getForm().stream().filter(f -> uploaded.contains(f.getResourceName()))
        .forEach(f -> deployed.add(Map.of("form", Map.of("formId", f.getFormId(), "version", f.getVersion(),
            "resourceName", f.getResourceName(), "tenantId", TENANT, "formKey", String.valueOf(f.getFormKey())))));
    return Map.of("deploymentKey", String.valueOf(deployment.getKey()), "tenantId", TENANT, "deployments", deployed);
  }

  /** Starts an instance of the latest (or the given) version of a process, as the Modeler's "Start instance" does. */
  @PostMapping("/process-instances")
  Map<String, Object> startInstance(@RequestBody CreateProcessInstanceRequest request) {
    var command = client.newCreateInstanceCommand();
    io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3 step;
    if (request.processDefinitionKey() != null && !request.processDefinitionKey().isBlank()) {
      step = command.processDefinitionKey(Long.parseLong(request.processDefinitionKey()));
    } else if (request.processDefinitionId() != null && !request.processDefinitionId().isBlank()) {
      step = request.processDefinitionVersion() == null || request.processDefinitionVersion() < 0
          ? command.bpmnProcessId(request.processDefinitionId()).latestVersion()
          : command.bpmnProcessId(request.processDefinitionId()).version(request.processDefinitionVersion());
    } else {
      throw new IllegalArgumentException("Give processDefinitionId or processDefinitionKey");
    }
    if (request.variables() != null) {
      step = step.variables(request.variables());
    }
    ProcessInstanceEvent started = step.send().join();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("processDefinitionId", started.getBpmnProcessId());
    response.put("processDefinitionVersion", started.getVersion());
    response.put("tenantId", TENANT);
    response.put("variables", Map.of());
    response.put("processDefinitionKey", String.valueOf(started.getProcessDefinitionKey()));
    response.put("processInstanceKey", String.valueOf(started.getProcessInstanceKey()));
    response.put("tags", List.of());
    return response;
  }

  @ExceptionHandler({RefusedModelException.class, IllegalArgumentException.class})
  ResponseEntity<ProblemDetail> invalid(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("INVALID_ARGUMENT");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(io.camunda.client.api.command.ClientStatusException.class)
  ResponseEntity<ProblemDetail> refused(io.camunda.client.api.command.ClientStatusException e) {
    HttpStatus status = switch (e.getStatusCode()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      default -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.getStatusCode().name());
    problem.setInstance(URI.create("/v2"));
    return ResponseEntity.status(status).body(problem);
  }
}
