package io.orderflow.fulfillment.campaign.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.campaign.CampaignStatus;
import io.orderflow.fulfillment.campaign.CampaignTestKit;
import io.orderflow.fulfillment.campaign.OfferStatus;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.shared.ConflictException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The campaign process's workers over a real campaign service: every job done twice has one effect. */
@DisplayName("The campaign workers")
class CampaignWorkersTest {

  final CampaignTestKit kit = new CampaignTestKit();

  @Test
  @DisplayName("prepare-campaign hands the approval its facts with the consenting audience, the same each time")
  void prepare() {
    kit.consentingLoyalCustomers(3);
    String id = kit.awaitingApproval();
    PrepareCampaignWorker worker = new PrepareCampaignWorker(kit.campaigns);

    Map<String, Object> first = worker.prepare(id);

    assertThat(worker.prepare(id)).isEqualTo(first);
    assertThat(first).containsEntry("campaignName", "Loyal tees").containsEntry("audienceSize", 3)
        .containsEntry("discountPercent", 20).containsEntry("createdBy", "marketing.assistant")
        .containsEntry("campaignRule", "customers in segment LOYAL").containsEntry("products", CampaignTestKit.SKU);
  }

  @Test
  @DisplayName("record-campaign-decision approves once, by another user than the author; the author is refused")
  void decision() {
    String id = kit.awaitingApproval();
    RecordCampaignDecisionWorker worker = new RecordCampaignDecisionWorker(kit.campaigns);

    assertThatThrownBy(() -> worker.recordDecision(id, "APPROVE", null, "marketing.assistant"))
        .isInstanceOf(ConflictException.class);
    assertThat(worker.recordDecision(id, "APPROVE", "fine", "marketing.manager"))
        .containsExactly(Map.entry("campaignApproved", true));
    assertThat(worker.recordDecision(id, "APPROVE", "fine", "marketing.manager"))
        .containsExactly(Map.entry("campaignApproved", true));
    assertThat(kit.campaign(id).status()).isEqualTo(CampaignStatus.RUNNING);
    assertThat(kit.campaign(id).approvedBy()).isEqualTo("marketing.manager");

    String rejected = kit.awaitingApproval();
    assertThat(worker.recordDecision(rejected, "REJECT", "not now", "marketing.manager"))
        .containsExactly(Map.entry("campaignApproved", false));
    assertThat(worker.recordDecision(rejected, "REJECT", "not now", "marketing.manager"))
        .containsExactly(Map.entry("campaignApproved", false));
    assertThat(kit.campaign(rejected).status()).isEqualTo(CampaignStatus.REJECTED);
  }

  @Test
  @DisplayName("select-campaign-recipients creates one offer per consenting customer in batches of 200, once")
  void select() {
    kit.consentingLoyalCustomers(450);
    String id = kit.runningCampaign();
    SelectCampaignRecipientsWorker worker = new SelectCampaignRecipientsWorker(kit.campaigns);

    Map<String, Object> first = worker.select(id);

    assertThat(worker.select(id)).isEqualTo(first);
    assertThat(first).containsEntry("recipientCount", 450).containsEntry("offerBatches", List.of(1, 2, 3));
    assertThat(kit.offers(id)).hasSize(450);
  }

  @Test
  @DisplayName("select-campaign-recipients with nobody consenting answers an empty batch list")
  void selectNobody() {
    kit.consentingLoyalCustomers(0);
    String id = kit.runningCampaign();

    assertThat(new SelectCampaignRecipientsWorker(kit.campaigns).select(id))
        .containsEntry("recipientCount", 0).containsEntry("offerBatches", List.of());
  }

  @Test
  @DisplayName("send-campaign-offers mails each offer of its batch once")
  void send() {
    kit.consentingLoyalCustomers(250);
    String id = kit.runningCampaign();
    new SelectCampaignRecipientsWorker(kit.campaigns).select(id);
    SendCampaignOffersWorker worker = new SendCampaignOffersWorker(kit.campaigns);

    worker.send(id, 2);
    worker.send(id, 2);

    assertThat(kit.mails()).isEqualTo(50);
    assertThat(kit.offers(id).stream().filter(o -> o.sentAt() != null)).hasSize(50);
  }

  @Test
  @DisplayName("expire-campaign-offers expires the open offers once and leaves accepted ones; results count them "
      + "with the revenue of the accepted offers' orders")
  void expireAndResults() {
    kit.consentingLoyalCustomers(3);
    String id = kit.runningCampaign();
    new SelectCampaignRecipientsWorker(kit.campaigns).select(id);
    new SendCampaignOffersWorker(kit.campaigns).send(id, 1);
    String acceptedOffer = kit.offers(id).getFirst().id();
    kit.accepted(acceptedOffer, "order-1");
    OrderSummary order = mock(OrderSummary.class);
    when(order.totalAmount()).thenReturn(new BigDecimal("21.95"));
    when(kit.orders.summary("order-1")).thenReturn(order);
    ExpireCampaignOffersWorker expire = new ExpireCampaignOffersWorker(kit.campaigns);
    RecordCampaignResultsWorker results = new RecordCampaignResultsWorker(kit.campaigns);

    expire.expire(id);
    expire.expire(id);
    Map<String, Object> first = results.record(id);

    assertThat(results.record(id)).isEqualTo(first);
    assertThat(kit.offers(id)).extracting(o -> o.status())
        .containsExactlyInAnyOrder(OfferStatus.ACCEPTED, OfferStatus.EXPIRED, OfferStatus.EXPIRED);
    assertThat(first).containsEntry("offersSent", 3).containsEntry("offersAccepted", 1);
    assertThat((BigDecimal) first.get("campaignRevenue")).isEqualByComparingTo("21.95");
    assertThat(kit.campaign(id).status()).isEqualTo(CampaignStatus.FINISHED);
  }
}
