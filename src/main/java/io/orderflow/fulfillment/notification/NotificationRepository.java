package io.orderflow.fulfillment.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Notifications, and the mailer's outbox operations. Claiming and recording an outcome are conditional updates: the
 * database decides which sender holds a row (an update that finds the row claimed by someone else changes nothing),
 * so no row lock is held while a mail is on its way.
 */
interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByOrderIdAndAudienceAndTopicAndDedupKey(String orderId, String audience, String topic,
      String dedupKey);

  Optional<Notification> findByReferenceAndAudienceAndTopicAndDedupKey(String reference, String audience, String topic,
      String dedupKey);

  List<Notification> findByOrderIdOrderById(String orderId);

  List<Notification> findByReferenceOrderById(String reference);

  List<Notification> findByAudienceOrderByIdDesc(String audience, Limit limit);

  /** Rows to send now, oldest first: unsent, not given up, due, and not held by an unexpired claim. */
  @Query("""
      select n.id from Notification n
      where n.sentAt is null and n.failedAt is null and n.attempts < :maxAttempts
        and (n.nextAttemptAt is null or n.nextAttemptAt <= :now)
        and (n.claimedUntil is null or n.claimedUntil <= :now)
      order by n.id""")
  List<Long> findDue(Instant now, int maxAttempts, Limit limit);

  /** Takes the row for {@code token} until {@code until}, counting an attempt; 0 when it is not due or someone has it. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.claimToken = :token, n.claimedUntil = :until, n.attempts = n.attempts + 1
      where n.id = :id and n.sentAt is null and n.failedAt is null and n.attempts < :maxAttempts
        and (n.nextAttemptAt is null or n.nextAttemptAt <= :now)
        and (n.claimedUntil is null or n.claimedUntil <= :now)""")
  int claim(long id, String token, Instant now, Instant until, int maxAttempts);

  /** 0 when the claim was lost (the lease ran out and another sender took the row). */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.sentAt = :now, n.nextAttemptAt = null, n.claimToken = null, n.claimedUntil = null
      where n.id = :id and n.claimToken = :token""")
  int markSent(long id, String token, Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.lastError = :error, n.nextAttemptAt = :nextAttemptAt, n.claimToken = null,
        n.claimedUntil = null
      where n.id = :id and n.claimToken = :token""")
  int markForRetry(long id, String token, String error, Instant nextAttemptAt);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.lastError = :error, n.failedAt = :now, n.nextAttemptAt = null, n.claimToken = null,
        n.claimedUntil = null
      where n.id = :id and n.claimToken = :token""")
  int markFailed(long id, String token, String error, Instant now);

  /**
   * Gives up rows whose last attempt never reported back (the sender stopped mid-send and the lease ran out): no
   * claim can take them any more, so without this they would stay pending for ever.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.failedAt = :now, n.claimToken = null, n.claimedUntil = null,
        n.lastError = coalesce(n.lastError, 'the last attempt did not report back before its lease ran out')
      where n.sentAt is null and n.failedAt is null and n.attempts >= :maxAttempts
        and (n.claimedUntil is null or n.claimedUntil <= :now)""")
  int giveUpAbandoned(Instant now, int maxAttempts);

  long countBySentAtIsNullAndFailedAtIsNull();

  /** Given up rows (never sent), counted along the index on (sent_at, failed_at). */
  long countBySentAtIsNullAndFailedAtIsNotNull();
}
