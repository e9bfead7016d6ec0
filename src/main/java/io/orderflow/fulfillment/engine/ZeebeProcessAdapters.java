package io.orderflow.fulfillment.engine;

import io.camunda.client.CamundaClient;
import io.orderflow.fulfillment.order.OrderProcessStarter;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.process.ReturnProcess;
import io.orderflow.fulfillment.returns.ReturnProcessStarter;
import io.orderflow.fulfillment.campaign.CampaignProcessStarter;
import io.orderflow.fulfillment.process.CampaignProcess;
import io.orderflow.fulfillment.shared.web.EngineUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Starting the order, return and campaign processes and publishing messages: the same gRPC commands on both runtimes. */
@Component
class ZeebeProcessAdapters implements OrderProcessStarter, ReturnProcessStarter, CampaignProcessStarter,
    ProcessMessages {

  private static final long TIMEOUT_SECONDS = 10;

  private final CamundaClient client;

  ZeebeProcessAdapters(CamundaClient client) {
    this.client = client;
  }

  @Override
  public long startOrderProcess(String orderId, String orderNumber, Map<String, Object> decisionInputs) {
    Map<String, Object> variables = new java.util.HashMap<>(decisionInputs);
    variables.put(OrderFulfillmentProcess.Variables.ORDER_ID, orderId);
    variables.put(OrderFulfillmentProcess.Variables.ORDER_NUMBER, orderNumber);
    return client.newCreateInstanceCommand()
        .bpmnProcessId(OrderFulfillmentProcess.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .getProcessInstanceKey();
  }

  @Override
  public long startReturnProcess(Map<String, Object> variables) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(ReturnProcess.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .getProcessInstanceKey();
  }

  @Override
  public long startCampaignProcess(String campaignId, String validUntil) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(CampaignProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(CampaignProcess.Variables.CAMPAIGN_ID, campaignId,
            CampaignProcess.Variables.VALID_UNTIL, validUntil))
        .send()
        .join(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .getProcessInstanceKey();
  }

  @Override
  public void publish(String name, String correlationKey, String messageId, Duration timeToLive,
      Map<String, Object> variables) {
    try {
      client.newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(timeToLive)
          .variables(variables)
          .send()
          .join(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (io.camunda.client.api.command.ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
        // The same message id was published before and is still buffered: publishing is idempotent by its id.
        return;
      }
      throw new EngineUnavailableException("Could not publish message '" + name + "': " + e.getMessage(), e);
    } catch (io.camunda.client.api.command.ProblemException e) {
      if (e.code() == 409) {
        // Over REST the cluster answers the same ALREADY_EXISTS rejection with 409 Conflict.
        return;
      }
      throw new EngineUnavailableException("Could not publish message '" + name + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new EngineUnavailableException("Could not publish message '" + name + "': " + e.getMessage(), e);
    }
  }
}
