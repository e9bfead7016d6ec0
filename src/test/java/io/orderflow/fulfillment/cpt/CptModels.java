package io.orderflow.fulfillment.cpt;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Deploys the real models and forms (the classpath copies of processes/ and forms/, unchanged: the Camunda runtime of
 * Camunda Process Test runs Camunda user tasks natively) to the test's Camunda container.
 */
final class CptModels {

  /** The tag of every Camunda Process Test class: left out of the default build, run by -Pcamunda-process-test. */
  static final String TAG = "camunda-process-test";

  private CptModels() {}

  /** Deploys the resources (classpath paths such as processes/return.bpmn, forms/inspect-return.form) as one deployment. */
  static void deploy(CamundaClient client, String first, String... more) {
    DeployResourceCommandStep2 command = client.newDeployResourceCommand().addResourceFromClasspath(first);
    for (String resource : more) {
      command = command.addResourceFromClasspath(resource);
    }
    command.send().join();
  }

  /** Deploys a stand-in process: one service task of {@code jobType}, then the end. */
  static void deployStandIn(CamundaClient client, String processId, String jobType) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("Stand_In", t -> t.zeebeJobType(jobType)).endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
  }
}
