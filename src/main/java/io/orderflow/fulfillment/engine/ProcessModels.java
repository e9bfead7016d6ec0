package io.orderflow.fulfillment.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models and forms shipped in processes/ and forms/ (on the classpath under the same names), read once at start:
 * what gets deployed, and the names of BPMN elements and the forms by id for the app's own views.
 */
@Component
public class ProcessModels {

  public record ModelResource(String name, byte[] content) {

    boolean isBpmn() {
      return name.endsWith(".bpmn");
    }
  }

  private final List<ModelResource> resources = new ArrayList<>();
  private final Map<String, String> formsById = new LinkedHashMap<>();
  private final Map<String, String> elementNames = new LinkedHashMap<>();
  private final Map<String, String> userTaskForms = new LinkedHashMap<>();

  @Autowired
  ProcessModels(ObjectMapper json) {
    this(json, "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");
  }

  ProcessModels(ObjectMapper json, String... patterns) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : patterns) {
        Resource[] found = resolver.getResources(pattern);
        java.util.Arrays.sort(found, Comparator.comparing(Resource::getFilename));
        for (Resource r : found) {
          ModelResource model = new ModelResource(r.getFilename(), r.getContentAsByteArray());
          resources.add(model);
          if (model.name().endsWith(".form")) {
            JsonNode form = json.readTree(model.content());
            String id = form.path("id").asText(null);
            if (id == null) {
              throw new IllegalStateException("Form " + model.name() + " has no top-level \"id\"");
            }
            formsById.put(id, new String(model.content(), StandardCharsets.UTF_8));
          } else if (model.isBpmn()) {
            indexNames(Bpmn.readModelFromStream(new ByteArrayInputStream(model.content())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read process models", e);
    }
  }

  public List<ModelResource> resources() {
    return List.copyOf(resources);
  }

  public Optional<String> form(String formId) {
    return Optional.ofNullable(formId).map(formsById::get);
  }

  /** The element's name as an analyst wrote it, or its id when it has none. */
  public String elementName(String bpmnProcessId, String elementId) {
    return elementNames.getOrDefault(bpmnProcessId + "/" + elementId, elementId);
  }

  /** The id of the form linked to a user task, as modelled. */
  public String formIdOf(String bpmnProcessId, String elementId) {
    return userTaskForms.get(bpmnProcessId + "/" + elementId);
  }

  private void indexNames(BpmnModelInstance model) {
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      ModelElementInstance scope = element.getParentElement();
      while (scope != null && !(scope instanceof Process)) {
        scope = scope.getParentElement();
      }
      if (scope == null) {
        continue;
      }
      String key = ((Process) scope).getId() + "/" + element.getId();
      if (element.getName() != null && !element.getName().isBlank()) {
        elementNames.put(key, element.getName().replaceAll("\\s+", " ").trim());
      }
      if (element instanceof UserTask task && task.getExtensionElements() != null) {
        task.getExtensionElements().getChildElementsByType(ZeebeFormDefinition.class).stream()
            .map(ZeebeFormDefinition::getFormId).filter(id -> id != null && !id.isBlank()).findFirst()
            .ifPresent(formId -> userTaskForms.put(key, formId));
      }
    }
  }
}
