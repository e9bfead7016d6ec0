package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.orderflow.fulfillment.engine.ProcessModels.ModelResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Puts a set of models (every BPMN, DMN and form of the models folder, so linked forms and decisions resolve) into the
 * engine as new versions: checked first (parsed and validated by Zeebe's model API, linked forms and called decisions
 * present), adapted for the embedded runtime (Camunda user tasks become job-based), then deployed. Zeebe keeps an
 * unchanged resource as it is and makes a changed one a new version; instances already running stay on their version.
 * A refused set changes nothing that runs. What was published, and which elements changed, is kept for ops.
 */
@Service
public class ModelPublisher {

  private static final Logger log = LoggerFactory.getLogger(ModelPublisher.class);
  private static final int HISTORY = 50;
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*id=\"([^\"]+)\"");
  private static final Pattern LINE = Pattern.compile("line (\\d+)|lineNumber: (\\d+)", Pattern.CASE_INSENSITIVE);

  /** A process that got a new version, with what changed against the version before it (empty for the first). */
  public record PublishedProcess(String bpmnProcessId, int version, long processDefinitionKey, String resourceName,
      List<String> changedElements) {}

  /** One publication: accepted (what got new versions) or refused (why; nothing was deployed). */
  public record Publication(Instant at, String source, boolean accepted, List<PublishedProcess> processes,
      List<String> decisions, List<String> forms, String problem,
      @com.fasterxml.jackson.annotation.JsonIgnore DeploymentEvent deployment) {}

  /** A set of models that cannot be deployed; the message names the file and the element or line. */
  public static class RefusedModelException extends RuntimeException {
    public RefusedModelException(String message) {
      super(message);
    }
  }

  private final CamundaClient client;
  private final ProcessModels models;
  private final ObjectMapper json;
  private final boolean embedded;
  private final Clock clock;
  private final Deque<Publication> history = new ArrayDeque<>();
  /** The BPMN last deployed per resource name, to say which elements a new version changes. */
  private final Map<String, Map<String, String>> deployedElements = new LinkedHashMap<>();
  /** The content last deployed per resource name: only files that differ are deployed again. */
  private final Map<String, byte[]> deployedContent = new LinkedHashMap<>();

  ModelPublisher(CamundaClient client, ProcessModels models, ObjectMapper json,
      @Value("${fulfillment.runtime:embedded}") String runtime, Clock clock) {
    this.client = client;
    this.models = models;
    this.json = json;
    this.embedded = "embedded".equals(runtime);
    this.clock = clock;
  }

  /**
   * Checks and deploys the set.
   *
   * @param source who asked, for the log (e.g. "startup", "processes/order-fulfillment.bpmn saved")
   * @throws RefusedModelException naming the file and element or line when the set is not valid or the engine refuses
   *     it; nothing is deployed then
   */
  public Publication publish(List<ModelResource> resources, String source) {
    return publish(resources, source, java.util.Set.of());
  }

  /** @param deployAnyway names of files to send to the engine even when unchanged (the engine answers their version) */
  private synchronized Publication publish(List<ModelResource> resources, String source, Set<String> deployAnyway) {
    try {
      check(resources);
      List<ModelResource> changed = resources.stream()
          .filter(r -> deployAnyway.contains(r.name())
              || !java.util.Arrays.equals(deployedContent.get(r.name()), r.content())).toList();
      if (changed.isEmpty()) {
        Publication unchanged = new Publication(clock.instant(), source, true, List.of(), List.of(), List.of(),
            "nothing changed", null);
        remember(unchanged);
        return unchanged;
      }
      // Only what changed is deployed: an unchanged process keeps its version (forms and decisions are linked by id
      // and resolved to their latest version when a task or decision runs).
      DeploymentEvent deployment = deploy(changed);
      changed.forEach(r -> deployedContent.put(r.name(), r.content()));
      Map<String, ModelResource> byName = new LinkedHashMap<>();
      resources.forEach(r -> byName.put(r.name(), r));
      List<PublishedProcess> processes = new ArrayList<>();
      for (var p : deployment.getProcesses()) {
        ModelResource resource = byName.get(p.getResourceName());
        Map<String, String> now = resource == null ? Map.of() : elementsOf(resource);
        Map<String, String> before = deployedElements.get(p.getResourceName());
        processes.add(new PublishedProcess(p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey(),
            p.getResourceName(),
            before == null ? List.of() : changes(before, now)));
        deployedElements.put(p.getResourceName(), now);
      }
      models.replace(resources);
      Publication publication = new Publication(clock.instant(), source, true, processes,
          deployment.getDecisions().stream().map(d -> d.getDmnDecisionId() + " v" + d.getVersion()).toList(),
          deployment.getForm().stream().map(f -> f.getFormId() + " v" + f.getVersion()).toList(), null, deployment);
      remember(publication);
      log.info("Models published ({}): {}", source, processes.stream().map(p -> p.bpmnProcessId() + " v" + p.version()
          + (p.changedElements().isEmpty() ? "" : " " + p.changedElements())).toList());
      return publication;
    } catch (RefusedModelException e) {
      remember(new Publication(clock.instant(), source, false, List.of(), List.of(), List.of(), e.getMessage(), null));
      log.warn("Models refused ({}); what runs is unchanged: {}", source, e.getMessage());
      throw e;
    }
  }

  /**
   * Publishes files deployed from outside the models folder (Camunda Modeler's deploy): they replace the files of the
   * same name in the set now deployed, so forms and decisions they link resolve, and go through the same checks.
   */
  public Publication publishFiles(List<ModelResource> files, String source) {
    Map<String, ModelResource> merged = new LinkedHashMap<>();
    models.resources().forEach(r -> merged.put(r.name(), r));
    files.forEach(r -> merged.put(r.name(), r));
    return publish(List.copyOf(merged.values()), source,
        files.stream().map(ModelResource::name).collect(java.util.stream.Collectors.toSet()));
  }

  /** The latest publications, newest first. */
  public synchronized List<Publication> history() {
    return List.copyOf(history);
  }

  private void remember(Publication publication) {
    history.addFirst(publication);
    while (history.size() > HISTORY) {
      history.removeLast();
    }
  }

  private void check(List<ModelResource> resources) {
    if (resources.isEmpty()) {
      throw new RefusedModelException("No models: the folder holds no .bpmn, .dmn or .form file");
    }
    Set<String> formIds = new HashSet<>();
    Set<String> decisionIds = new HashSet<>();
    for (ModelResource r : resources) {
      if (r.name().endsWith(".form")) {
        try {
          JsonNode form = json.readTree(r.content());
          String id = form.path("id").asText(null);
          if (id == null || id.isBlank()) {
            throw new RefusedModelException(r.name() + ": the form has no top-level \"id\"");
          }
          formIds.add(id);
        } catch (java.io.IOException e) {
          throw new RefusedModelException(r.name() + ": not valid JSON: " + e.getMessage());
        }
      } else if (r.name().endsWith(".dmn")) {
        Matcher decision = DECISION_ID.matcher(
            new String(r.content(), java.nio.charset.StandardCharsets.UTF_8));
        while (decision.find()) {
          decisionIds.add(decision.group(1));
        }
      }
    }
    for (ModelResource r : resources) {
      if (!r.isBpmn()) {
        continue;
      }
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(r.content()));
        Bpmn.validateModel(model);
      } catch (RuntimeException e) {
        throw new RefusedModelException(r.name() + ": " + describe(e));
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        if (form != null && form.getFormId() != null && !form.getFormId().isBlank()
            && !formIds.contains(form.getFormId())) {
          throw new RefusedModelException(r.name() + ": user task " + task.getId() + " (" + task.getName()
              + ") links form '" + form.getFormId() + "', which is not in forms/");
        }
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
        if (called != null && called.getDecisionId() != null && !called.getDecisionId().startsWith("=")
            && !decisionIds.contains(called.getDecisionId())) {
          throw new RefusedModelException(r.name() + ": business rule task " + task.getId() + " (" + task.getName()
              + ") calls decision '" + called.getDecisionId() + "', which no .dmn in processes/ defines");
        }
      }
    }
  }

  private DeploymentEvent deploy(List<ModelResource> resources) {
    DeployResourceCommandStep2 command = null;
    for (ModelResource r : resources) {
      byte[] content = embedded && r.isBpmn() ? EmbeddedModelAdapter.toJobBasedUserTasks(r.content()) : r.content();
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(content, r.name())
          : command.addResourceBytes(content, r.name());
    }
    try {
      // The engine validates every model of a first deployment at once; on a busy machine that takes longer than a
      // client's default request timeout (10 s), so the request gets as long as the wait for it.
      return command.requestTimeout(java.time.Duration.ofSeconds(30)).send().join(30, TimeUnit.SECONDS);
    } catch (io.camunda.client.api.command.ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.INVALID_ARGUMENT) {
        throw new RefusedModelException("The engine refused the models: " + e.getMessage());
      }
      throw e;
    }
  }

  private static String describe(RuntimeException e) {
    StringBuilder message = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      Matcher line = LINE.matcher(String.valueOf(cause.getMessage()));
      if (line.find()) {
        message.append(" (").append(cause.getMessage()).append(")");
        break;
      }
    }
    return message.toString();
  }

  /**
   * Every element of the processes (flow nodes, flows, sub-processes) by id, with a fingerprint of its own definition:
   * its attributes and everything inside it except the elements that are themselves listed (so a changed timer counts
   * for its event, a changed task inside a sub-process for the task).
   */
  static Map<String, String> elementsOf(ModelResource resource) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(resource.content()));
      Map<String, String> elements = new TreeMap<>();
      collect(document.getDocumentElement(), false, elements);
      return elements;
    } catch (Exception e) {
      return Map.of();
    }
  }

  private static void collect(Element element, boolean container, Map<String, String> into) throws Exception {
    boolean isContainer = BPMN_NS.equals(element.getNamespaceURI())
        && ("process".equals(element.getLocalName()) || "subProcess".equals(element.getLocalName()));
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        if (isContainer && BPMN_NS.equals(e.getNamespaceURI()) && e.hasAttribute("id")) {
          Element own = (Element) e.cloneNode(true);
          if ("subProcess".equals(e.getLocalName())) {
            for (Node inner = own.getFirstChild(); inner != null; ) {
              Node next = inner.getNextSibling();
              if (inner instanceof Element ie && ie.hasAttribute("id") && BPMN_NS.equals(ie.getNamespaceURI())
                  && !"multiInstanceLoopCharacteristics".equals(ie.getLocalName())) {
                own.removeChild(inner);
              }
              inner = next;
            }
          }
          into.put(e.getAttribute("id") + label(e), canonical(own));
        }
        collect(e, isContainer, into);
      }
    }
  }

  private static String label(Element e) {
    String name = e.getAttribute("name");
    return name == null || name.isBlank() ? "" : " (" + name.replaceAll("\\s+", " ").trim() + ")";
  }

  private static String canonical(Element e) throws Exception {
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    transformer.transform(new DOMSource(e), new StreamResult(out));
    return out.toString().replaceAll(">\\s+<", "><").trim();
  }

  /** "+ id (name)" added, "- id (name)" removed, "~ id (name)" changed, by element id. */
  static List<String> changes(Map<String, String> before, Map<String, String> after) {
    Map<String, String> beforeById = byId(before);
    Map<String, String> afterById = byId(after);
    List<String> changes = new ArrayList<>();
    for (var e : after.entrySet()) {
      String id = idOf(e.getKey());
      String old = beforeById.get(id);
      if (old == null) {
        changes.add("+ " + e.getKey());
      } else if (!old.equals(e.getValue()) || !before.containsKey(e.getKey())) {
        changes.add("~ " + e.getKey());
      }
    }
    for (var e : before.entrySet()) {
      if (!afterById.containsKey(idOf(e.getKey()))) {
        changes.add("- " + e.getKey());
      }
    }
    return changes;
  }

  private static Map<String, String> byId(Map<String, String> elements) {
    Map<String, String> byId = new LinkedHashMap<>();
    elements.forEach((key, value) -> byId.put(idOf(key), value));
    return byId;
  }

  private static String idOf(String key) {
    int space = key.indexOf(' ');
    return space < 0 ? key : key.substring(0, space);
  }
}
