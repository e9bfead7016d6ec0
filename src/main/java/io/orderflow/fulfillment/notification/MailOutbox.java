package io.orderflow.fulfillment.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification table seen as the mailer's outbox. Each operation is its own short transaction, so nothing is held
 * open while a mail travels:
 *
 * <ol>
 *   <li>{@link #due} lists rows to send now,
 *   <li>{@link #claim} takes one of them for a lease with a conditional update, counting an attempt; a row another
 *       sender holds is not taken (two instances never send the same row),
 *   <li>{@link #sent}, {@link #retryLater} or {@link #giveUp} record the outcome, only while the claim is still ours.
 * </ol>
 *
 * A sender that dies mid-send leaves its claim behind; when the lease runs out the row is due again (at-least-once).
 */
@Component
class MailOutbox {

  /**
   * A row taken by one sender: what to send, and the token that proves the claim. {@code orderId} is null for a
   * department's notification about another document ({@code reference}).
   */
  record Claim(long id, String token, int attempt, String orderId, String audience, String topic, String summary,
      String detail, String reference, String recipient) {

    Claim(long id, String token, int attempt, String orderId, String audience, String topic, String summary,
        String detail, String reference) {
      this(id, token, attempt, orderId, audience, topic, summary, detail, reference, null);
    }

    /** What the mail is about, for log lines: the order id or the document's reference. */
    String about() {
      return orderId != null ? "Order " + orderId : reference;
    }
  }

  private final NotificationRepository repository;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final MailSettings settings;

  MailOutbox(NotificationRepository repository, PlatformTransactionManager txManager, Clock clock,
      MailSettings settings) {
    this.repository = repository;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
    this.settings = settings;
  }

  /** Ids of rows to send now, oldest first. */
  List<Long> due(int max) {
    return tx.execute(s -> repository.findDue(clock.instant(), settings.maxAttempts(), Limit.of(max)));
  }

  /** Takes the row for this sender until the lease ends; empty when it is no longer due or another sender has it. */
  Optional<Claim> claim(long id) {
    String token = UUID.randomUUID().toString();
    Instant now = clock.instant();
    return tx.execute(s -> {
      if (repository.claim(id, token, now, now.plus(settings.lease()), settings.maxAttempts()) == 0) {
        return Optional.<Claim>empty();
      }
      Notification n = repository.findById(id).orElseThrow();
      return Optional.of(new Claim(id, token, n.attempts(), n.orderId(), n.audience(), n.topic(), n.summary(),
          n.detail(), n.reference(), n.recipient()));
    });
  }

  /** The mail went out; false when the claim had been lost meanwhile (another sender may have sent it too). */
  boolean sent(Claim claim) {
    return update(() -> repository.markSent(claim.id(), claim.token(), clock.instant()));
  }

  /**
   * The attempt failed with an error that may go away: the row is due again after the backoff, or given up when this
   * was the last attempt. Returns the outcome recorded, or empty when the claim had been lost.
   */
  Optional<Retry> retryLater(Claim claim, String error) {
    if (claim.attempt() >= settings.maxAttempts()) {
      return giveUp(claim, error) ? Optional.of(new Retry(null)) : Optional.empty();
    }
    Instant next = clock.instant().plus(settings.backoffAfter(claim.attempt()));
    return update(() -> repository.markForRetry(claim.id(), claim.token(), truncate(error), next))
        ? Optional.of(new Retry(next)) : Optional.empty();
  }

  /** When the next attempt is due; null when the row was given up. */
  record Retry(Instant nextAttemptAt) {

    boolean givenUp() {
      return nextAttemptAt == null;
    }
  }

  /** No further attempt: the error cannot go away by retrying, or there are no attempts left. */
  boolean giveUp(Claim claim, String error) {
    return update(() -> repository.markFailed(claim.id(), claim.token(), truncate(error), clock.instant()));
  }

  /** Gives up rows whose last attempt never reported back; returns how many. */
  int giveUpAbandoned() {
    return tx.execute(s -> repository.giveUpAbandoned(clock.instant(), settings.maxAttempts()));
  }

  /** Rows not sent yet (nor given up), and rows given up. */
  record Backlog(long pending, long failed) {}

  Backlog backlog() {
    return tx.execute(s -> new Backlog(repository.countBySentAtIsNullAndFailedAtIsNull(),
        repository.countBySentAtIsNullAndFailedAtIsNotNull()));
  }

  private boolean update(java.util.function.IntSupplier statement) {
    return tx.execute(s -> statement.getAsInt()) == 1;
  }

  private static String truncate(String error) {
    String text = error == null || error.isBlank() ? "unknown error" : error;
    return text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }
}
