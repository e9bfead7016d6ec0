package io.orderflow.fulfillment.engine.web;

import io.orderflow.fulfillment.engine.EmbeddedProcessMonitor;
import io.orderflow.fulfillment.engine.EmbeddedProcessMonitor.ProcessVersion;
import io.orderflow.fulfillment.engine.ModelPublisher;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For analysts and ops: the process versions side by side (which one new orders take, how many instances still run
 * on each) and what was published lately, including refused saves with their reason.
 */
@RestController
@RequestMapping("/api/models")
class ModelController {

  /** A process with its versions; new instances take {@code latestVersion}. */
  record ProcessModelView(String bpmnProcessId, int latestVersion, List<VersionView> versions) {}

  record VersionView(int version, long processDefinitionKey, String resourceName, int activeInstances) {}

  private final ObjectProvider<EmbeddedProcessMonitor> monitor;
  private final ModelPublisher publisher;

  ModelController(ObjectProvider<EmbeddedProcessMonitor> monitor, ModelPublisher publisher) {
    this.monitor = monitor;
    this.publisher = publisher;
  }

  /** Every process the engine holds with its versions (on a cluster, Operate shows them; this lists none). */
  @GetMapping
  List<ProcessModelView> models() {
    EmbeddedProcessMonitor embedded = monitor.getIfAvailable();
    if (embedded == null) {
      return List.of();
    }
    Map<String, List<ProcessVersion>> byProcess = embedded.processVersions().stream()
        .collect(Collectors.groupingBy(ProcessVersion::bpmnProcessId, LinkedHashMap::new, Collectors.toList()));
    return byProcess.entrySet().stream().map(e -> new ProcessModelView(e.getKey(),
            e.getValue().stream().mapToInt(ProcessVersion::version).max().orElse(0),
            e.getValue().stream().sorted(Comparator.comparingInt(ProcessVersion::version))
                .map(v -> new VersionView(v.version(), v.processDefinitionKey(), v.resourceName(), v.activeInstances()))
                .toList()))
        .toList();
  }

  /** The latest publications, newest first: what got new versions and which elements changed, or why a save was refused. */
  @GetMapping("/publications")
  List<ModelPublisher.Publication> publications() {
    return publisher.history();
  }
}
