package io.orderflow.fulfillment.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.orderflow.fulfillment.process.CampaignProcess.Elements;
import io.orderflow.fulfillment.process.CampaignProcess.Forms;
import io.orderflow.fulfillment.process.CampaignProcess.JobTypes;
import io.orderflow.fulfillment.process.CampaignProcess.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/campaign.bpmn on the in-memory engine, as the embedded runtime deploys it: approved and sent
 * in parallel batches until the offers expire, rejected, nobody eligible, cancelled while running. The workers and the
 * marketing manager are played by the test.
 */
@ZeebeProcessTest
class CampaignProcessTest {

  static final String CAMPAIGN_ID = "c0ffee00-0000-4000-8000-000000000001";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private PaymentTestDriver driver;

  @BeforeEach
  void deploy() throws Exception {
    driver = new PaymentTestDriver(engine, client);
    driver.deploy("processes/campaign.bpmn", "forms/approve-campaign.form");
  }

  @Test
  @DisplayName("Approved: offers are sent batch by batch in parallel, wait until the validity ends, the rest expire, results recorded")
  void approvedCampaignRunsUntilOffersExpire() throws Exception {
    // given
    ProcessInstanceEvent campaign = start(Duration.ofDays(7));
    approve("APPROVE");
    driver.complete(JobTypes.RECORD_CAMPAIGN_DECISION, Map.of("campaignApproved", true));

    // when
    driver.complete(JobTypes.SELECT_CAMPAIGN_RECIPIENTS, Map.of("recipientCount", 750, "offerBatches", List.of(1, 2, 3)));
    List<Object> batches = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batches.add(driver.complete(JobTypes.SEND_CAMPAIGN_OFFERS, Map.of()).getVariablesAsMap().get("batchNo"));
    }
    driver.waitForIdle();
    assertThat(campaign).isWaitingAtElements("Gateway_CampaignRunning");
    driver.assertNoJob(JobTypes.EXPIRE_CAMPAIGN_OFFERS);
    driver.passTime(Duration.ofDays(7).plusMinutes(1));
    driver.complete(JobTypes.EXPIRE_CAMPAIGN_OFFERS, Map.of());
    driver.complete(JobTypes.RECORD_CAMPAIGN_RESULTS, Map.of("offersSent", 750, "offersAccepted", 12));
    driver.waitForIdle();

    // then
    assertThat(batches).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(campaign).isCompleted().hasPassedElement(Elements.SEND_OFFERS, 4) // three batches and the body
        .hasPassedElementsInOrder(Elements.APPROVE_CAMPAIGN, "ServiceTask_SelectRecipients", Elements.CAMPAIGN_ENDS,
            "ServiceTask_ExpireOffers", "ServiceTask_RecordResults", "EndEvent_CampaignFinished");
  }

  @Test
  @DisplayName("Rejected by the marketing manager: nothing is selected or sent")
  void rejectedCampaign() throws Exception {
    // given
    ProcessInstanceEvent campaign = start(Duration.ofDays(7));

    // when
    approve("REJECT");
    driver.complete(JobTypes.RECORD_CAMPAIGN_DECISION, Map.of("campaignApproved", false));
    driver.waitForIdle();

    // then
    assertThat(campaign).isCompleted().hasPassedElement("EndEvent_CampaignRejected")
        .hasNotPassedElement("ServiceTask_SelectRecipients");
    driver.assertNoJob(JobTypes.SELECT_CAMPAIGN_RECIPIENTS);
  }

  @Test
  @DisplayName("Nobody consenting matches the rule: no offers, the (empty) results are recorded at once")
  void nobodyEligible() throws Exception {
    // given
    ProcessInstanceEvent campaign = start(Duration.ofDays(7));
    approve("APPROVE");
    driver.complete(JobTypes.RECORD_CAMPAIGN_DECISION, Map.of("campaignApproved", true));

    // when
    driver.complete(JobTypes.SELECT_CAMPAIGN_RECIPIENTS, Map.of("recipientCount", 0, "offerBatches", List.of()));
    driver.complete(JobTypes.RECORD_CAMPAIGN_RESULTS, Map.of("offersSent", 0, "offersAccepted", 0));
    driver.waitForIdle();

    // then
    assertThat(campaign).isCompleted().hasNotPassedElement(Elements.SEND_OFFERS)
        .hasNotPassedElement("ServiceTask_ExpireOffers");
  }

  @Test
  @DisplayName("Cancelled by marketing while the offers are out: the open offers expire at once")
  void cancelledWhileRunning() throws Exception {
    // given
    ProcessInstanceEvent campaign = start(Duration.ofDays(7));
    approve("APPROVE");
    driver.complete(JobTypes.RECORD_CAMPAIGN_DECISION, Map.of("campaignApproved", true));
    driver.complete(JobTypes.SELECT_CAMPAIGN_RECIPIENTS, Map.of("recipientCount", 10, "offerBatches", List.of(1)));
    driver.complete(JobTypes.SEND_CAMPAIGN_OFFERS, Map.of());

    // when
    driver.publish(Messages.CAMPAIGN_CANCELLED, CAMPAIGN_ID, Map.of());
    driver.complete(JobTypes.EXPIRE_CAMPAIGN_OFFERS, Map.of());
    driver.complete(JobTypes.RECORD_CAMPAIGN_RESULTS, Map.of("offersSent", 10, "offersAccepted", 1));
    driver.waitForIdle();

    // then
    assertThat(campaign).isCompleted().hasPassedElement("IntermediateCatchEvent_CampaignCancelled")
        .hasNotPassedElement(Elements.CAMPAIGN_ENDS);
  }

  private ProcessInstanceEvent start(Duration validFor) throws Exception {
    ProcessInstanceEvent campaign = client.newCreateInstanceCommand().bpmnProcessId(CampaignProcess.PROCESS_ID)
        .latestVersion().variables(Map.of("campaignId", CAMPAIGN_ID,
            "validUntil", driver.now().plus(validFor).toString()))
        .send().join();
    ActivatedJob prepare = driver.complete(JobTypes.PREPARE_CAMPAIGN, Map.of("campaignName", "Coffee lovers",
        "audienceSize", 750, "discountPercent", 15));
    assertThat(prepare.getVariablesAsMap()).containsEntry("campaignId", CAMPAIGN_ID);
    return campaign;
  }

  private void approve(String decision) throws Exception {
    driver.completeStaffTask(Elements.APPROVE_CAMPAIGN, Forms.APPROVE_CAMPAIGN, CampaignProcess.MARKETING_MANAGER_GROUP,
        Map.of("campaignDecision", decision, "campaignNote", "ok"));
  }
}
