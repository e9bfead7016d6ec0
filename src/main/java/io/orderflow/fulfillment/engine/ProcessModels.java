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

    public boolean isBpmn() {
      return name.endsWith(".bpmn");
    }
  }

  /** One consistent set of models, replaced as a whole when an analyst's change is deployed. */
  private record Index(List<ModelResource> resources, Map<String, String> formsById, Map<String, String> elementNames,
      Map<String, String> userTaskForms) {}

  private final ObjectMapper json;
  private volatile Index index;

  @Autowired
  ProcessModels(ObjectMapper json) {
    this(json, "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");
  }

  ProcessModels(ObjectMapper json, String... patterns) {
    this.json = json;
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ModelResource> found = new ArrayList<>();
    try {
      for (String pattern : patterns) {
        Resource[] matches = resolver.getResources(pattern);
        java.util.Arrays.sort(matches, Comparator.comparing(Resource::getFilename));
        for (Resource r : matches) {
          found.add(new ModelResource(r.getFilename(), r.getContentAsByteArray()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read process models", e);
    }
    this.index = indexOf(found);
  }

  /**
   * The models now deployed, after an analyst's change: forms, element names and linked forms are read from these
   * from now on.
   *
   * @throws IllegalStateException when a form has no id
   */
  public void replace(List<ModelResource> deployed) {
    this.index = indexOf(deployed);
  }

  private Index indexOf(List<ModelResource> models) {
    Map<String, String> forms = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> taskForms = new LinkedHashMap<>();
    try {
      for (ModelResource model : models) {
        if (model.name().endsWith(".form")) {
          JsonNode form = json.readTree(model.content());
          String id = form.path("id").asText(null);
          if (id == null) {
            throw new IllegalStateException("Form " + model.name() + " has no top-level \"id\"");
          }
          forms.put(id, new String(model.content(), StandardCharsets.UTF_8));
        } else if (model.isBpmn()) {
          indexNames(Bpmn.readModelFromStream(new ByteArrayInputStream(model.content())), names, taskForms);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read process models", e);
    }
    return new Index(List.copyOf(models), forms, names, taskForms);
  }

  public List<ModelResource> resources() {
    return index.resources();
  }

  public Optional<String> form(String formId) {
    return Optional.ofNullable(formId).map(index.formsById()::get);
  }

  /** The element's name as an analyst wrote it, or its id when it has none. */
  public String elementName(String bpmnProcessId, String elementId) {
    return index.elementNames().getOrDefault(bpmnProcessId + "/" + elementId, elementId);
  }

  /** The id of the form linked to a user task, as modelled. */
  public String formIdOf(String bpmnProcessId, String elementId) {
    return index.userTaskForms().get(bpmnProcessId + "/" + elementId);
  }

  private static void indexNames(BpmnModelInstance model, Map<String, String> elementNames,
      Map<String, String> userTaskForms) {
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
