package io.orderflow.fulfillment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A campaign")
class CampaignTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static Campaign campaign() {
    return Campaign.define("Coffee lovers", CampaignRule.SEGMENT, Segment.LOYAL, List.of("TSHIRT-ORG-M"), 15,
        NOW.plus(Duration.ofDays(7)), "marketing.assistant", NOW);
  }

  @Test
  @DisplayName("refuses a bad definition naming every field at fault")
  void validation() {
    assertThatThrownBy(() -> Campaign.define(" ", CampaignRule.SEGMENT, null, List.of(), 0,
        NOW.plus(Duration.ofDays(91)), "m", NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field)
            .containsExactlyInAnyOrder("name", "segment", "products", "discountPercent", "validUntil"));
    assertThatThrownBy(() -> Campaign.define("x", CampaignRule.RECOMMENDED_SKU, Segment.LOST, List.of("A", "A"), 91,
        NOW.minusSeconds(1), "m", NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field)
            .containsExactlyInAnyOrder("segment", "products", "discountPercent", "validUntil"));
    assertThat(Campaign.define("x", CampaignRule.RECOMMENDED_SKU, null, List.of("A", "B"), 90,
        NOW.plus(Campaign.MAX_VALIDITY), "m", NOW).status()).isEqualTo(CampaignStatus.DRAFT);
  }

  @Test
  @DisplayName("is approved by someone other than its author only, once; then runs and finishes with its results")
  void fourEyesAndLifecycle() {
    Campaign c = campaign();
    c.submit();
    assertThat(c.status()).isEqualTo(CampaignStatus.AWAITING_APPROVAL);
    assertThatThrownBy(c::submit).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> c.decide(true, "MARKETING.ASSISTANT", null, NOW)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("another marketing manager");

    c.decide(true, "marketing.manager", "go", NOW);
    c.decide(true, "marketing.manager", "go", NOW); // the same job again

    assertThat(c.status()).isEqualTo(CampaignStatus.RUNNING);
    assertThat(c.approvedBy()).isEqualTo("marketing.manager");
    assertThat(c.acceptsOffers(NOW)).isTrue();
    assertThat(c.acceptsOffers(c.validUntil())).isFalse();
    assertThatThrownBy(() -> c.decide(false, "someone.else", null, NOW)).isInstanceOf(ConflictException.class);
    c.finish(10, 2, new BigDecimal("40.00"));
    assertThat(c.status()).isEqualTo(CampaignStatus.FINISHED);
    assertThat(c.offersAccepted()).isEqualTo(2);
    assertThatThrownBy(c::cancel).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("rejected or cancelled: no offers can be accepted; a cancelled campaign stays cancelled after results")
  void rejectedAndCancelled() {
    Campaign rejected = campaign();
    rejected.submit();
    rejected.decide(false, "marketing.manager", "not now", NOW);
    assertThat(rejected.status()).isEqualTo(CampaignStatus.REJECTED);
    assertThat(rejected.note()).isEqualTo("not now");
    assertThatThrownBy(rejected::cancel).isInstanceOf(ConflictException.class);

    Campaign cancelled = campaign();
    cancelled.submit();
    cancelled.decide(true, "marketing.manager", null, NOW);
    cancelled.cancel();
    cancelled.cancel();
    assertThat(cancelled.acceptsOffers(NOW)).isFalse();
    cancelled.finish(1, 0, BigDecimal.ZERO);
    assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
  }

  @Test
  @DisplayName("prices its products at the discount, rounded to cents")
  void discountedPrice() {
    assertThat(campaign().discounted(new BigDecimal("19.99"))).isEqualByComparingTo("16.99");
  }

  @Test
  @DisplayName("an offer is accepted once and an accepted offer does not expire")
  void offer() {
    CampaignOffer offer = new CampaignOffer("c", "a@example.com", 1, NOW);
    offer.accept(NOW);
    offer.placed("order-1");
    assertThatThrownBy(() -> offer.accept(NOW)).isInstanceOf(ConflictException.class);
    offer.expire();
    assertThat(offer.status()).isEqualTo(OfferStatus.ACCEPTED);
    CampaignOffer open = new CampaignOffer("c", "b@example.com", 1, NOW);
    open.expire();
    assertThat(open.status()).isEqualTo(OfferStatus.EXPIRED);
    assertThatThrownBy(() -> open.accept(NOW)).isInstanceOf(ConflictException.class);
  }
}
