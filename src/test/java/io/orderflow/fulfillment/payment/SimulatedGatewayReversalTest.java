package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.CaptureResult;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundResult;
import io.orderflow.fulfillment.payment.PaymentGateway.VoidRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.VoidResult;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated payment provider voids and refunds")
class SimulatedGatewayReversalTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();

  @Test
  @DisplayName("voids an authorization once: the same key gets the same answer, and it can no longer be captured")
  void voidIsIdempotent() {
    // given
    String authorizationId = authorize("o-1", "51.80");

    // when
    VoidResult first = gateway.voidAuthorization(new VoidRequest("void:o-1", authorizationId));
    VoidResult again = gateway.voidAuthorization(new VoidRequest("void:o-1", authorizationId));
    VoidResult otherKey = gateway.voidAuthorization(new VoidRequest("void:o-1:other", authorizationId));

    // then
    assertThat(first).isInstanceOf(VoidResult.Voided.class).isEqualTo(again);
    assertThat(otherKey).isInstanceOfSatisfying(VoidResult.Refused.class,
        r -> assertThat(r.code()).isEqualTo("authorization_not_found"));
    assertThat(gateway.capture(new CaptureRequest("capture:o-1", authorizationId, new BigDecimal("51.80"), EUR)))
        .isInstanceOf(CaptureResult.Refused.class);
  }

  @Test
  @DisplayName("refuses to void a captured authorization: it must be refunded")
  void capturedCannotBeVoided() {
    String authorizationId = authorize("o-2", "20.00");
    gateway.capture(new CaptureRequest("capture:o-2", authorizationId, new BigDecimal("20.00"), EUR));

    assertThat(gateway.voidAuthorization(new VoidRequest("void:o-2", authorizationId)))
        .isInstanceOfSatisfying(VoidResult.Refused.class, r -> assertThat(r.code()).isEqualTo("already_captured"));
  }

  @Test
  @DisplayName("refunds a capture in parts, never more than captured; a repeated key refunds nothing more")
  void refundIsIdempotent() {
    // given
    String captureId = capture("o-3", "51.80");

    // when
    RefundResult part = gateway.refund(new RefundRequest("refund:o-3:shipment:2", captureId, new BigDecimal("20.00"),
        EUR));
    RefundResult repeated = gateway.refund(new RefundRequest("refund:o-3:shipment:2", captureId,
        new BigDecimal("20.00"), EUR));
    RefundResult tooMuch = gateway.refund(new RefundRequest("refund:o-3:order", captureId, new BigDecimal("31.81"),
        EUR));
    RefundResult rest = gateway.refund(new RefundRequest("refund:o-3:order:2", captureId, new BigDecimal("31.80"),
        EUR));

    // then
    assertThat(part).isInstanceOf(RefundResult.Refunded.class).isEqualTo(repeated);
    assertThat(tooMuch).isInstanceOfSatisfying(RefundResult.Refused.class,
        r -> assertThat(r.code()).isEqualTo("amount_too_large"));
    assertThat(rest).isInstanceOf(RefundResult.Refunded.class).isNotEqualTo(part);
  }

  @Test
  @DisplayName("an outage is reported as provider unavailable, and the refund is made once it is over")
  void outage() {
    String captureId = capture("o-4", "10.00");
    gateway.outageFor("refund:o-4:order");

    assertThatThrownBy(() -> gateway.refund(new RefundRequest("refund:o-4:order", captureId, BigDecimal.TEN, EUR)))
        .isInstanceOf(PaymentProviderUnavailableException.class);
    gateway.recover("refund:o-4:order");
    assertThat(gateway.refund(new RefundRequest("refund:o-4:order", captureId, BigDecimal.TEN, EUR)))
        .isInstanceOf(RefundResult.Refunded.class);
    assertThat(gateway.refund(new RefundRequest("refund:o-4:unknown", "cap_unknown", BigDecimal.ONE, EUR)))
        .isInstanceOf(RefundResult.Refused.class);
  }

  private String authorize(String orderId, String amount) {
    return ((AuthorizationResult.Approved) gateway.authorize(new AuthorizationRequest(orderId + ":1", "pm_card_visa",
        new BigDecimal(amount), EUR))).authorizationId();
  }

  private String capture(String orderId, String amount) {
    return ((CaptureResult.Captured) gateway.capture(new CaptureRequest("capture:" + orderId,
        authorize(orderId, amount), new BigDecimal(amount), EUR))).captureId();
  }
}
