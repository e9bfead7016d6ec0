package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.payment.ReturnRefundAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.shared.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An RMA")
class ReturnRequestTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  static ReturnRequest request(ReturnKind kind, ReturnReason reason) {
    ReturnRequest r = new ReturnRequest("ret-1", "RMA-2026-000001", "order-1", kind, reason, null, null, "ana", "madrid",
        3, NOW);
    r.addLine(1, "TSHIRT-ORG-M", "T-shirt", "apparel", 2, new BigDecimal("19.90"));
    r.addLine(2, "MUG-CERAMIC", "Mug", "home", 1, new BigDecimal("9.50"));
    return r;
  }

  static ReturnRequest approved() {
    ReturnRequest r = request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND);
    r.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.APPROVE, 2, ReturnLine.Eligibility.APPROVE), Map.of(), NOW);
    return r;
  }

  static ReturnRequest awaitingParcel() {
    ReturnRequest r = approved();
    r.labelIssued("Simulated Express", "SX12345678ES", NOW);
    return r;
  }

  @Test
  @DisplayName("goes from request to approval, label, arrival, inspection, refund and close, with one history entry per step")
  void happyPath() {
    ReturnRequest r = awaitingParcel();
    r.arrived("dock", NOW);
    r.inspected("TSHIRT-ORG-M\nTSHIRT-ORG-M", Map.of(1, 2), Map.of(1, ItemCondition.AS_NEW), Map.of(), Map.of(), NOW);
    r.refunded(ReturnRefundAction.CARD_REFUNDED, new BigDecimal("35.85"), "EUR", "re_1", BigDecimal.ZERO, NOW);
    r.close(NOW);

    assertThat(r.status()).isEqualTo(ReturnStatus.CLOSED);
    assertThat(r.events()).extracting(ReturnEvent::step).containsExactly("REQUESTED", "APPROVED", "AWAITING_PARCEL",
        "ARRIVED", "INSPECTED", "REFUNDED", "CLOSED");
    assertThat(r.lines().get(1).missingQuantity()).isEqualTo(1);
    assertThat(r.closedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("a line for review puts it IN_REVIEW; customer service's approval approves it, a rejection leaves it to be rejected")
  void review() {
    ReturnRequest r = request(ReturnKind.RETURN, ReturnReason.WRONG_SIZE);
    assertThat(r.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.REVIEW, 2, ReturnLine.Eligibility.APPROVE),
        Map.of(1, "expensive"), NOW)).isEqualTo(ReturnRequest.Eligibility.REVIEW);
    assertThat(r.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(r.reviewed(true, "fine", NOW)).isEqualTo(ReturnRequest.Eligibility.APPROVED);
    assertThat(r.status()).isEqualTo(ReturnStatus.APPROVED);

    ReturnRequest rejected = request(ReturnKind.RETURN, ReturnReason.WRONG_SIZE);
    rejected.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.REVIEW, 2, ReturnLine.Eligibility.REJECT), Map.of(), NOW);
    assertThat(rejected.reviewed(false, "worn", NOW)).isEqualTo(ReturnRequest.Eligibility.REJECTED);
    rejected.reject(NOW);
    assertThat(rejected.status()).isEqualTo(ReturnStatus.REJECTED);
  }

  @Test
  @DisplayName("some lines rejected and the rest approved is an approval; no line approved is a rejection")
  void partlyRejected() {
    ReturnRequest r = request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND);
    assertThat(r.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.APPROVE, 2, ReturnLine.Eligibility.REJECT),
        Map.of(), NOW)).isEqualTo(ReturnRequest.Eligibility.APPROVED);
    ReturnRequest none = request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND);
    assertThat(none.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.REJECT, 2, ReturnLine.Eligibility.REJECT),
        Map.of(1, "window passed"), NOW)).isEqualTo(ReturnRequest.Eligibility.REJECTED);
    assertThat(none.status()).isEqualTo(ReturnStatus.REQUESTED);
  }

  @Test
  @DisplayName("refuses illegal transitions with a 409 naming the RMA and its status")
  void refusals() {
    ReturnRequest requested = request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND);
    assertThatThrownBy(() -> requested.labelIssued("X", "T1", NOW)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("RMA-2026-000001 is REQUESTED");
    assertThatThrownBy(() -> requested.expire(NOW)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> requested.close(NOW)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> requested.reviewed(true, null, NOW)).isInstanceOf(ConflictException.class);
    ReturnRequest approved = approved();
    assertThatThrownBy(() -> approved.arrived("dock", NOW)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> approved.refunded(ReturnRefundAction.CARD_REFUNDED, BigDecimal.ONE, "EUR", null, null, NOW))
        .isInstanceOf(ConflictException.class);
    ReturnRequest expired = awaitingParcel();
    expired.expire(NOW);
    assertThat(expired.status()).isEqualTo(ReturnStatus.EXPIRED);
    assertThatThrownBy(() -> expired.arrived("dock", NOW)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> expired.payoutRecorded("PO-1", NOW)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> request(ReturnKind.COMPLAINT, ReturnReason.CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a bank payout keeps it REFUND_PENDING until finance pays out; a complaint can be replaced instead")
  void payoutAndReplacement() {
    ReturnRequest r = awaitingParcel();
    r.arrived("courier", NOW);
    r.inspected("", Map.of(1, 1), Map.of(1, ItemCondition.USED), Map.of(), Map.of("XYZ", 1), NOW);
    r.refunded(ReturnRefundAction.BANK_PAYOUT_DUE, new BigDecimal("15.95"), "EUR", null, BigDecimal.ZERO, NOW);
    assertThat(r.status()).isEqualTo(ReturnStatus.REFUND_PENDING);
    r.payoutRecorded("PO-7", NOW);
    assertThat(r.status()).isEqualTo(ReturnStatus.REFUNDED);
    assertThat(r.extraItems()).extracting(ReturnExtraItem::code).containsExactly("XYZ");

    ReturnRequest complaint = request(ReturnKind.COMPLAINT, ReturnReason.DEFECTIVE);
    complaint.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.APPROVE, 2, ReturnLine.Eligibility.APPROVE), Map.of(), NOW);
    complaint.labelIssued("C", "T2", NOW);
    complaint.inspected("", Map.of(1, 2), Map.of(1, ItemCondition.DEFECTIVE), Map.of(), Map.of(), NOW);
    complaint.replaced("order-2", NOW);
    complaint.close(NOW);
    assertThat(complaint.complaintResolution()).isEqualTo("REPLACE");
    assertThat(complaint.events()).extracting(ReturnEvent::step).contains("ARRIVED", "INSPECTED", "REPLACED", "CLOSED");
  }

  @Test
  @DisplayName("a step repeated with the same outcome (a job delivered twice) changes nothing")
  void repeats() {
    ReturnRequest r = awaitingParcel();
    int entries = r.events().size();
    r.labelIssued("Simulated Express", "SX12345678ES", NOW);
    assertThat(r.events()).hasSize(entries);
    r.inspected("", Map.of(1, 2), Map.of(1, ItemCondition.AS_NEW), Map.of(), Map.of(), NOW);
    int afterInspection = r.events().size();
    r.inspected("", Map.of(1, 1), Map.of(1, ItemCondition.USED), Map.of(), Map.of(), NOW);
    assertThat(r.events()).hasSize(afterInspection);
    assertThat(r.lines().get(0).received()).isEqualTo(2);
    r.refunded(ReturnRefundAction.CARD_REFUNDED, BigDecimal.TEN, "EUR", "re_1", null, NOW);
    r.refunded(ReturnRefundAction.CARD_REFUNDED, BigDecimal.TEN, "EUR", "re_1", null, NOW);
    r.close(NOW);
    r.close(NOW);
    assertThat(r.events()).extracting(ReturnEvent::step).containsOnlyOnce("REFUNDED", "CLOSED");
  }
}
