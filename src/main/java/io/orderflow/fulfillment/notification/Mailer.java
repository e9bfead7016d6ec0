package io.orderflow.fulfillment.notification;

import io.orderflow.fulfillment.notification.MailComposer.Mail;
import io.orderflow.fulfillment.notification.MailOutbox.Claim;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the notification outbox as e-mails over SMTP ({@code spring.mail.*}): every
 * {@code fulfillment.mail.poll-interval} it takes up to {@code batch-size} due notifications, claims each just before
 * sending it ({@link MailOutbox}), and records the outcome.
 *
 * <ul>
 *   <li>The customer's mail goes to the order's e-mail address, a department's to its mailbox
 *       ({@code fulfillment.mail.departments.*}).
 *   <li>An error that may go away (the server is down, a temporary refusal) is recorded with its message and the
 *       notification waits a backoff before its next attempt; after {@code max-attempts} it is FAILED. An error that
 *       cannot go away by retrying (no such order, an address the server rejects, a mail that cannot be built) fails it
 *       at once.
 *   <li>When the server cannot be reached at all the run stops: the other notifications are not claimed, so an outage
 *       costs them no attempts.
 * </ul>
 *
 * The runs happen on a thread of their own, so a slow SMTP server never holds up the application's other scheduled
 * work. Log lines name the order, the topic and the audience; addresses appear masked, bodies never.
 */
@Component
@ConditionalOnProperty(name = "fulfillment.mail.enabled", havingValue = "true", matchIfMissing = true)
class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  /** What one run did. */
  record Run(int sent, int retrying, int failed) {

    static final Run NOTHING = new Run(0, 0, 0);
  }

  private enum Outcome { SENT, RETRYING, FAILED, LOST, SERVER_UNAVAILABLE }

  private final MailOutbox outbox;
  private final OrderService orders;
  private final MailComposer composer;
  private final ItemDetails itemDetails;
  private final JavaMailSender mailSender;
  private final MailSettings settings;
  private final Clock clock;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("mailer").daemon().factory());
  private final AtomicBoolean running = new AtomicBoolean();

  Mailer(MailOutbox outbox, OrderService orders, MailComposer composer, ItemDetails itemDetails,
      JavaMailSender mailSender, MailSettings settings, Clock clock) {
    this.outbox = outbox;
    this.orders = orders;
    this.composer = composer;
    this.itemDetails = itemDetails;
    this.mailSender = mailSender;
    this.settings = settings;
    this.clock = clock;
  }

  /** Starts a run on the mailer's thread unless one is still going. */
  @Scheduled(fixedDelayString = "${fulfillment.mail.poll-interval:PT5S}",
      initialDelayString = "${fulfillment.mail.poll-interval:PT5S}")
  void poll() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      runner.execute(() -> {
        try {
          sendDue();
        } catch (RuntimeException e) {
          log.warn("Mail run stopped: {}", Redaction.maskAddresses(describe(e)));
        } finally {
          running.set(false);
        }
      });
    } catch (RuntimeException rejected) { // shutting down
      running.set(false);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    runner.shutdown();
    if (!runner.awaitTermination(15, TimeUnit.SECONDS)) {
      log.warn("Mailer still sending at shutdown; an unfinished notification is sent again after its lease");
    }
  }

  /** One run: sends what is due now, at most one batch. */
  Run sendDue() {
    int abandoned = outbox.giveUpAbandoned();
    if (abandoned > 0) {
      log.error("{} notification(s) given up: their last attempt never reported back", abandoned);
    }
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    for (long id : outbox.due(settings.batchSize())) {
      Optional<Claim> claim = outbox.claim(id);
      if (claim.isEmpty()) {
        continue; // another sender took it
      }
      Outcome outcome = send(claim.get());
      switch (outcome) {
        case SENT -> sent++;
        case RETRYING, SERVER_UNAVAILABLE -> retrying++;
        case FAILED -> failed++;
        case LOST -> { }
      }
      if (outcome == Outcome.SERVER_UNAVAILABLE) {
        break;
      }
    }
    return sent + retrying + failed == 0 ? Run.NOTHING : new Run(sent, retrying, failed);
  }

  private Outcome send(Claim claim) {
    if (claim.orderId() == null) {
      return sendAbout(claim);
    }
    OrderSummary order;
    String to;
    Mail mail;
    try {
      Audience audience = Audience.ofCode(claim.audience());
      order = orders.summary(claim.orderId());
      to = audience == Audience.CUSTOMER ? order.customer().email() : settings.mailboxOf(audience);
      // The customer's lines show size/colour and the serial numbers picked so far, read when the mail is built.
      mail = composer.compose(audience, claim.topic(), claim.summary(), claim.detail(), order,
          audience == Audience.CUSTOMER ? itemDetails.of(order) : java.util.Map.of());
    } catch (NotFoundException | IllegalArgumentException e) {
      return giveUp(claim, "cannot build the mail: " + describe(e));
    }
    try {
      mailSender.send(message(claim, to, mail, order));
    } catch (MailException e) {
      return failed(claim, to, e);
    }
    if (!outbox.sent(claim)) {
      log.warn("Order {}: {} mail {} (notification {}) sent, but its claim had run out; another sender may send it "
          + "too", claim.orderId(), claim.audience(), claim.topic(), claim.id());
      return Outcome.LOST;
    }
    log.info("Order {} (process {}): {} mail {} sent to {} (notification {}, attempt {})", claim.orderId(),
        order.processInstanceKey(), claim.audience(), claim.topic(), Redaction.maskAddresses(to), claim.id(),
        claim.attempt());
    return Outcome.SENT;
  }

  /** A department's mail about a document that is not an order (a purchase order): no order facts to read. */
  private Outcome sendAbout(Claim claim) {
    String to;
    Mail mail;
    try {
      Audience audience = Audience.ofCode(claim.audience());
      to = audience == Audience.CUSTOMER ? claim.recipient() : settings.mailboxOf(audience);
      if (to == null) {
        throw new IllegalArgumentException("no recipient");
      }
      mail = composer.composeAbout(audience, claim.topic(), claim.reference(), claim.summary(), claim.detail());
    } catch (IllegalArgumentException e) {
      return giveUp(claim, "cannot build the mail: " + describe(e));
    }
    try {
      mailSender.send(message(claim, to, mail, null));
    } catch (MailException e) {
      return failed(claim, to, e);
    }
    if (!outbox.sent(claim)) {
      log.warn("{}: {} mail {} (notification {}) sent, but its claim had run out; another sender may send it too",
          claim.about(), claim.audience(), claim.topic(), claim.id());
      return Outcome.LOST;
    }
    log.info("{}: {} mail {} sent to {} (notification {}, attempt {})", claim.about(), claim.audience(),
        claim.topic(), Redaction.maskAddresses(to), claim.id(), claim.attempt());
    return Outcome.SENT;
  }

  private MimeMessage message(Claim claim, String to, Mail mail, OrderSummary order) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
          "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(to);
      if (Audience.CUSTOMER.code().equals(claim.audience())) {
        helper.setReplyTo(settings.mailboxOf(Audience.CUSTOMER_SERVICE)); // "reply to this e-mail" reaches a person
        // a mail about no order (a campaign offer) is written in the departments' language, English
        message.setHeader("Content-Language", order == null ? "en" : MailComposer.localeOf(order).toLanguageTag());
      }
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      helper.setSentDate(Date.from(clock.instant()));
      message.setHeader("X-Orderflow-Notification", Long.toString(claim.id()));
      if (claim.orderId() != null) {
        message.setHeader("X-Orderflow-Order", claim.orderId());
      } else {
        message.setHeader("X-Orderflow-Reference", claim.reference());
      }
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
  }

  private Outcome failed(Claim claim, String to, MailException e) {
    String error = Redaction.maskAddresses(describe(e));
    if (cannotSucceed(e)) {
      return giveUp(claim, error);
    }
    Optional<MailOutbox.Retry> retry = outbox.retryLater(claim, error);
    if (retry.isEmpty()) {
      return Outcome.LOST;
    }
    if (retry.get().givenUp()) {
      log.error("{}: {} mail {} to {} FAILED after {} attempt(s), giving up: {} (notification {})",
          claim.about(), claim.audience(), claim.topic(), Redaction.maskAddresses(to), claim.attempt(), error,
          claim.id());
      return Outcome.FAILED;
    }
    log.warn("{}: {} mail {} to {} not sent (attempt {} of {}), next attempt at {}: {} (notification {})",
        claim.about(), claim.audience(), claim.topic(), Redaction.maskAddresses(to), claim.attempt(),
        settings.maxAttempts(), retry.get().nextAttemptAt(), error, claim.id());
    return serverUnavailable(e) ? Outcome.SERVER_UNAVAILABLE : Outcome.RETRYING;
  }

  private Outcome giveUp(Claim claim, String error) {
    if (!outbox.giveUp(claim, error)) {
      return Outcome.LOST;
    }
    log.error("{}: {} mail {} FAILED, not retried: {} (notification {})", claim.about(), claim.audience(),
        claim.topic(), Redaction.maskAddresses(error), claim.id());
    return Outcome.FAILED;
  }

  /** The mail itself is wrong (it cannot be built, or the server rejects its addresses): retrying cannot help. */
  private static boolean cannotSucceed(MailException e) {
    if (e instanceof MailParseException || e instanceof MailPreparationException) {
      return true;
    }
    if (e instanceof MailSendException send) {
      for (Exception cause : send.getFailedMessages().values()) {
        if (cause instanceof AddressException) {
          return true;
        }
        if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
            && failed.getInvalidAddresses().length > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** No mail can go out now: the server cannot be reached (a network error) or refuses our login. */
  private static boolean serverUnavailable(MailException e) {
    return e instanceof MailAuthenticationException
        || NestedExceptionUtils.getMostSpecificCause(e) instanceof java.io.IOException;
  }

  private static String describe(Exception e) {
    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return Redaction.oneLine(message);
  }
}
