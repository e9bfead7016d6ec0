package io.orderflow.fulfillment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.engine.ModelPublisher.Publication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' loop against the in-memory engine: a models folder watched by the app's own watcher and publisher; an
 * analyst saves a changed model, a broken one, a changed form.
 */
@ZeebeProcessTest
class ModelWatcherTest {

  private static final Duration WITHIN = Duration.ofSeconds(5);

  private ZeebeTestEngine engine;
  @TempDir Path models;
  private CamundaClient client;
  private ModelPublisher publisher;
  private ProcessModels processModels;
  private ModelWatcher watcher;

  @BeforeEach
  void watchFolder() throws Exception {
    Files.createDirectories(models.resolve("processes"));
    Files.createDirectories(models.resolve("forms"));
    Files.writeString(models.resolve("processes/analyst-demo.bpmn"), process("Check stock", "check-stock"));
    Files.writeString(models.resolve("forms/demo-note.form"), form("Note"));
    // a second process nobody touches: it keeps its version when the other one changes
    Files.writeString(models.resolve("processes/analyst-other.bpmn"), process("Other", "other-job")
        .replace("analyst-demo", "analyst-other"));
    client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
        .preferRestOverGrpc(false).build();
    ObjectMapper json = new ObjectMapper();
    processModels = new ProcessModels(json, "file:" + models + "/processes/*.bpmn", "file:" + models + "/forms/*.form");
    publisher = new ModelPublisher(client, processModels, json, "embedded", Clock.systemUTC());
    watcher = new ModelWatcher(publisher, models, Duration.ofMillis(300));
    Publication first = publisher.publish(watcher.readFolder(), "startup");
    assertThat(first.processes()).hasSize(2).allSatisfy(p -> assertThat(p.version()).isEqualTo(1));
    watcher.start();
  }

  @AfterEach
  void stop() {
    watcher.stop();
    client.close();
  }

  @Test
  @DisplayName("A saved change runs as version 2 for new instances while a running one finishes on version 1; the change is named, the untouched process keeps its version")
  void savedModelIsANewVersion() throws Exception {
    ProcessInstanceEvent running = start();

    Files.writeString(models.resolve("processes/analyst-demo.bpmn"), process("Check stock twice", "check-stock"));

    Publication published = awaitPublication(p -> p.accepted() && !p.processes().isEmpty());
    assertThat(published.source()).contains("processes/analyst-demo.bpmn");
    assertThat(published.processes()).singleElement().satisfies(p -> {
      assertThat(p.version()).isEqualTo(2);
      assertThat(p.changedElements()).containsExactly("~ ServiceTask_Check (Check stock twice)");
    });
    ProcessInstanceEvent next = start();
    assertThat(next.getVersion()).isEqualTo(2);
    assertThat(running.getVersion()).isEqualTo(1);
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("check-stock").maxJobsToActivate(5).send().join()
        .getJobs();
    assertThat(jobs).extracting(ActivatedJob::getProcessDefinitionVersion).containsExactlyInAnyOrder(1, 2);
    jobs.forEach(job -> client.newCompleteCommand(job.getKey()).send().join());
    engine.waitForIdleState(WITHIN);
    assertThat(publisher.history()).filteredOn(Publication::accepted).hasSize(2);
  }

  @Test
  @DisplayName("A broken save is refused with the element named and changes nothing: new instances still run version 1")
  void brokenModelIsRefused() throws Exception {
    Files.writeString(models.resolve("processes/analyst-demo.bpmn"), process("Check stock", ""));

    Publication refused = awaitPublication(p -> !p.accepted());
    assertThat(refused.problem()).contains("analyst-demo.bpmn").contains("ServiceTask_Check");
    assertThat(start().getVersion()).isEqualTo(1);
    assertThatThrownBy(() -> publisher.publish(List.of(new ProcessModels.ModelResource("x.bpmn",
        "<not-bpmn/>".getBytes())), "test")).isInstanceOf(ModelPublisher.RefusedModelException.class)
        .hasMessageContaining("x.bpmn");
  }

  @Test
  @DisplayName("A changed form is what the next task shows; a model linking a form that does not exist is refused")
  void formChange() throws Exception {
    Files.writeString(models.resolve("forms/demo-note.form"), form("What did you find?"));

    awaitPublication(p -> p.accepted() && p.forms().stream().anyMatch(f -> f.startsWith("demo-note v2")));
    assertThat(processModels.form("demo-note")).get().asString().contains("What did you find?");

    Files.writeString(models.resolve("processes/analyst-demo.bpmn"),
        process("Check stock", "check-stock").replace("formId=\"demo-note\"", "formId=\"no-such-form\""));
    Publication refused = awaitPublication(p -> !p.accepted());
    assertThat(refused.problem()).contains("UserTask_Note").contains("no-such-form");
  }

  @Test
  @DisplayName("Several writes of one save are published once")
  void severalWritesOnePublication() throws Exception {
    for (int i = 0; i < 3; i++) {
      Files.writeString(models.resolve("processes/analyst-demo.bpmn"), process("Check stock " + i, "check-stock"));
      Thread.sleep(50);
    }
    awaitPublication(p -> p.accepted() && !p.processes().isEmpty());
    Thread.sleep(1000);
    assertThat(publisher.history()).filteredOn(p -> !"startup".equals(p.source())).hasSize(1);
    assertThat(publisher.history().get(0).processes()).singleElement()
        .satisfies(p -> assertThat(p.version()).isEqualTo(2));
  }

  private Publication awaitPublication(java.util.function.Predicate<Publication> wanted) {
    return await().atMost(WITHIN).until(() -> publisher.history().stream().filter(p -> !"startup".equals(p.source()))
        .filter(wanted).findFirst(), java.util.Optional::isPresent).orElseThrow();
  }

  private ProcessInstanceEvent start() {
    return client.newCreateInstanceCommand().bpmnProcessId("analyst-demo").latestVersion().send().join();
  }

  private static String form(String label) {
    return """
        {"id": "demo-note", "type": "default", "schemaVersion": 18,
         "components": [{"id": "Field_Note", "key": "note", "label": "%s", "type": "textfield"}]}
        """.formatted(label);
  }

  /** A small process as the Modeler writes it: a service task (job type, may be blank), then a user task with a form. */
  private static String process(String taskName, String jobType) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Demo" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="analyst-demo" name="Analyst demo" isExecutable="true">
            <bpmn:startEvent id="StartEvent_Demo"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="ServiceTask_Check" name="%s">
              <bpmn:extensionElements><zeebe:taskDefinition type="%s" /></bpmn:extensionElements>
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:userTask id="UserTask_Note" name="Write a note">
              <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="demo-note" /></bpmn:extensionElements>
              <bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="EndEvent_Demo"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Demo" targetRef="ServiceTask_Check" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_Check" targetRef="UserTask_Note" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="UserTask_Note" targetRef="EndEvent_Demo" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(taskName, jobType);
  }
}
