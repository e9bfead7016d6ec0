// Checks that a Zeebe client in another language reaches the app's in-process engine on its documented gRPC port:
// Camunda's Node SDK (8.8) deploys a small process, runs a worker for its service task and creates an instance, which
// must complete. Run it while the app runs (./mvnw spring-boot:run): see README "Analysts' loop".
import { Camunda8 } from '@camunda8/sdk'

const address = process.env.ZEEBE_GRPC_ADDRESS ?? 'grpc://localhost:26500'
const c8 = new Camunda8({ ZEEBE_GRPC_ADDRESS: address, CAMUNDA_AUTH_STRATEGY: 'NONE' })
const zeebe = c8.getZeebeGrpcApiClient()

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Node" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="node-sdk-check" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="ServiceTask_Greet" name="Greet from Node">
      <bpmn:extensionElements><zeebe:taskDefinition type="node-greet" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="ServiceTask_Greet" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_Greet" targetRef="EndEvent_1" />
  </bpmn:process>
</bpmn:definitions>`

const topology = await zeebe.topology()
console.log(`connected to ${address}: gateway ${topology.gatewayVersion}, ${topology.brokers.length} broker(s)`)
const deployed = await zeebe.deployResource({ process: Buffer.from(bpmn), name: 'node-sdk-check.bpmn' })
const definition = deployed.deployments[0].process
console.log(`deployed ${definition.bpmnProcessId} v${definition.version}`)
const worker = zeebe.createWorker({
  taskType: 'node-greet',
  taskHandler: (job) => job.complete({ greetedBy: 'node-sdk' }),
})
const result = await zeebe.createProcessInstanceWithResult({
  bpmnProcessId: 'node-sdk-check', variables: { from: 'node' }, requestTimeout: 20000,
})
console.log(`instance ${result.processInstanceKey} completed with ${JSON.stringify(result.variables)}`)
await worker.close()
await zeebe.close()
if (result.variables.greetedBy !== 'node-sdk') {
  console.error('the worker did not run')
  process.exit(1)
}
