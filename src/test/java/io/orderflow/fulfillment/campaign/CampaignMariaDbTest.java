package io.orderflow.fulfillment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The campaign tables of V28 on MariaDB: one offer per campaign and customer, the status and discount checks. */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // what is checked here is committed state
@DisplayName("Campaigns on MariaDB")
class CampaignMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final Instant NOW = Instant.now();

  @Autowired CampaignRepository campaigns;
  @Autowired CampaignOfferRepository offers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txManager;

  @Test
  @DisplayName("a customer gets one offer per campaign; another campaign may offer them again")
  void oneOfferPerCampaignAndCustomer() {
    Campaign first = commit(() -> campaigns.saveAndFlush(campaign()));
    Campaign second = commit(() -> campaigns.saveAndFlush(campaign()));
    commit(() -> offers.saveAndFlush(new CampaignOffer(first.id(), "ana@example.com", 1, NOW)));

    assertThatThrownBy(() -> commit(() -> offers.saveAndFlush(new CampaignOffer(first.id(), "ana@example.com", 2, NOW))))
        .isInstanceOf(DataIntegrityViolationException.class);
    commit(() -> offers.saveAndFlush(new CampaignOffer(second.id(), "ana@example.com", 1, NOW)));
    assertThat(offers.findByCustomerEmailAndStatusOrderByCreatedAtDesc("ana@example.com", OfferStatus.OPEN)).hasSize(2);
  }

  @Test
  @DisplayName("the database refuses an unknown status and a discount outside 1..90")
  void checks() {
    Campaign c = commit(() -> campaigns.saveAndFlush(campaign()));
    assertThat(commit(() -> campaigns.recordProcessInstance(c.id(), 42L))).isEqualTo(1);
    assertThat(campaigns.findById(c.id()).orElseThrow().processInstanceKey()).isEqualTo(42L);
    assertThatThrownBy(() -> jdbc.update("update campaign set status = 'PAUSED' where id = ?", c.id()))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update campaign set discount_percent = 95 where id = ?", c.id()))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private static Campaign campaign() {
    return Campaign.define("Loyal tees", CampaignRule.SEGMENT, Segment.LOYAL, List.of("TSHIRT-ORG-M"), 20,
        NOW.plus(Duration.ofDays(7)), "marketing.assistant", NOW);
  }

  private <T> T commit(Supplier<T> work) {
    return new TransactionTemplate(txManager).execute(status -> work.get());
  }
}
