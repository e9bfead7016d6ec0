package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.notification.MailOutbox.Claim;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's claims, leases, backoff and giving up on the real MariaDB, in committed transactions: two senders
 * ("instances") are two {@link MailOutbox} objects on the same database, as two application instances would be.
 */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MailOutboxMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  @Autowired NotificationRepository repository;
  @Autowired PlatformTransactionManager txManager;
  @Autowired JdbcTemplate jdbc;

  final MutableClock clock = new MutableClock(START);
  final MailSettings settings = MailTestData.settings(true, Duration.ofSeconds(30), 3);

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from notification");
  }

  @Test
  @DisplayName("Two instances claiming the same due rows at the same time get disjoint rows, and together all of them")
  void concurrentClaimsAreDisjoint() throws Exception {
    // given
    List<Long> ids = notifications(40);
    MailOutbox instanceA = outbox();
    MailOutbox instanceB = outbox();
    CyclicBarrier bothListed = new CyclicBarrier(2);

    // when both list the same due rows, then race to claim each of them
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Long>> a = threads.submit(() -> claimAll(instanceA, bothListed));
      Future<List<Long>> b = threads.submit(() -> claimAll(instanceB, bothListed));
      List<Long> claimedByA = a.get();
      List<Long> claimedByB = b.get();

      // then
      Set<Long> overlap = new HashSet<>(claimedByA);
      overlap.retainAll(claimedByB);
      assertThat(overlap).as("rows claimed by both instances").isEmpty();
      List<Long> all = new ArrayList<>(claimedByA);
      all.addAll(claimedByB);
      assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      threads.shutdownNow();
    }
    assertThat(jdbc.queryForList("select distinct attempts from notification", Integer.class)).containsExactly(1);
    assertThat(instanceA.due(100)).as("claimed rows are not due while their lease runs").isEmpty();
  }

  private static List<Long> claimAll(MailOutbox outbox, CyclicBarrier bothListed) throws Exception {
    List<Long> due = outbox.due(100);
    bothListed.await();
    List<Long> claimed = new ArrayList<>();
    for (long id : due) {
      outbox.claim(id).ifPresent(c -> claimed.add(c.id()));
    }
    return claimed;
  }

  @Test
  @DisplayName("A claim holds the row for its lease; after the lease another sender takes it and the old claim is void")
  void leaseExpiryLetsAnotherSenderTakeOver() {
    // given a sender that claimed a row and then stopped
    long id = notifications(1).get(0);
    MailOutbox crashed = outbox();
    Claim first = crashed.claim(id).orElseThrow();
    assertThat(first.attempt()).isEqualTo(1);

    // then nobody takes it while the lease runs
    MailOutbox other = outbox();
    assertThat(other.claim(id)).isEmpty();
    clock.advance(settings.lease().minusSeconds(1));
    assertThat(other.due(10)).isEmpty();
    assertThat(other.claim(id)).isEmpty();

    // when the lease has run out
    clock.advance(Duration.ofSeconds(2));
    assertThat(other.due(10)).containsExactly(id);
    Claim second = other.claim(id).orElseThrow();

    // then the row is the other sender's, counted as a second attempt, and the first claim can record nothing
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(crashed.sent(first)).isFalse();
    assertThat(other.sent(second)).isTrue();
    assertThat(row(id).sentAt()).isEqualTo(clock.instant());
    clock.advance(Duration.ofHours(1));
    assertThat(other.due(10)).isEmpty();
    assertThat(other.claim(id)).isEmpty();
  }

  @Test
  @DisplayName("A failed attempt waits its backoff (doubling), and the last failed attempt gives the row up, visibly")
  void failuresBackOffAndGiveUp() {
    long id = notifications(1).get(0);
    MailOutbox outbox = outbox();

    // attempt 1 fails: due again after 30 s
    Instant next = outbox.retryLater(outbox.claim(id).orElseThrow(), "connection refused").orElseThrow()
        .nextAttemptAt();
    assertThat(next).isEqualTo(START.plusSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(outbox.due(10)).isEmpty();
    assertThat(outbox.claim(id)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(outbox.due(10)).containsExactly(id);

    // attempt 2 fails: the wait doubles
    Instant second = outbox.retryLater(outbox.claim(id).orElseThrow(), "connection refused").orElseThrow()
        .nextAttemptAt();
    assertThat(second).isEqualTo(clock.instant().plusSeconds(60));
    Notification waiting = row(id);
    assertThat(waiting.attempts()).isEqualTo(2);
    assertThat(waiting.lastError()).isEqualTo("connection refused");
    assertThat(waiting.claimToken()).isNull();
    assertThat(waiting.failedAt()).isNull();

    // attempt 3 of 3 fails: given up
    clock.advance(Duration.ofSeconds(60));
    MailOutbox.Retry last = outbox.retryLater(outbox.claim(id).orElseThrow(), "452 mailbox full").orElseThrow();
    assertThat(last.givenUp()).isTrue();
    Notification failed = row(id);
    assertThat(failed.failedAt()).isEqualTo(clock.instant());
    assertThat(failed.lastError()).isEqualTo("452 mailbox full");
    assertThat(failed.sentAt()).isNull();
    clock.advance(Duration.ofDays(1));
    assertThat(outbox.due(10)).isEmpty();
    assertThat(outbox.backlog()).isEqualTo(new MailOutbox.Backlog(0, 1));
  }

  @Test
  @DisplayName("A row whose last attempt never reported back is given up once its lease has run out")
  void abandonedLastAttemptIsGivenUp() {
    long id = notifications(1).get(0);
    MailOutbox outbox = outbox();
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      assertThat(outbox.claim(id)).as("attempt %d", attempt).isPresent(); // and the sender dies every time
      clock.advance(settings.lease().plusSeconds(1));
    }
    assertThat(outbox.due(10)).isEmpty();

    assertThat(outbox.giveUpAbandoned()).isEqualTo(1);

    Notification failed = row(id);
    assertThat(failed.failedAt()).isNotNull();
    assertThat(failed.lastError()).contains("did not report back");
    assertThat(outbox.giveUpAbandoned()).isZero();
  }

  private MailOutbox outbox() {
    return new MailOutbox(repository, txManager, clock, settings);
  }

  private List<Long> notifications(int count) {
    return LongStream.range(0, count).mapToObj(i -> repository.saveAndFlush(new Notification("order-" + i,
        Audience.CUSTOMER.code(), "ORDER_ACKNOWLEDGED", "step-" + i, "summary " + i, null, START)).id()).toList();
  }

  private Notification row(long id) {
    return repository.findById(id).orElseThrow();
  }

}
