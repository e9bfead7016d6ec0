package io.orderflow.fulfillment.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailer's settings ({@code fulfillment.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param enabled whether the scheduled sender runs at all
 * @param from the sender of every mail, e.g. {@code Orderflow Shop <orders@shop.example>}
 * @param pollInterval how often the sender looks for unsent notifications
 * @param batchSize how many notifications one run takes at most
 * @param lease how long a claimed notification stays with the sender that claimed it; longer than one send can take
 *     (SMTP connect, read and write time-outs), after that another sender may take it again
 * @param maxAttempts attempts before a notification is given up (FAILED)
 * @param initialBackoff wait after the first failed attempt; it doubles with every further failure
 * @param maxBackoff the longest wait between two attempts
 * @param departments the mailbox of each department audience (every audience but the customer needs one)
 * @param embeddedSmtp the SMTP server started inside the app on the embedded runtime
 */
@ConfigurationProperties("fulfillment.mail")
record MailSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("Orderflow Shop <orders@shop.example>") String from,
    @DefaultValue("PT5S") Duration pollInterval,
    @DefaultValue("10") int batchSize,
    @DefaultValue("PT2M") Duration lease,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT30S") Duration initialBackoff,
    @DefaultValue("PT1H") Duration maxBackoff,
    Map<Audience, String> departments,
    @DefaultValue EmbeddedSmtp embeddedSmtp) {

  /**
   * @param enabled start GreenMail inside the app and point Spring's mail sender at it
   * @param port its SMTP port on 127.0.0.1; 0 picks a free one (tests)
   */
  record EmbeddedSmtp(@DefaultValue("false") boolean enabled, @DefaultValue("3025") int port) {}

  MailSettings {
    requireAddress("fulfillment.mail.from", from);
    requirePositive("fulfillment.mail.poll-interval", pollInterval);
    requirePositive("fulfillment.mail.lease", lease);
    requirePositive("fulfillment.mail.initial-backoff", initialBackoff);
    requirePositive("fulfillment.mail.max-backoff", maxBackoff);
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("fulfillment.mail.batch-size and max-attempts must be at least 1");
    }
    Map<Audience, String> mailboxes = new EnumMap<>(Audience.class);
    if (departments != null) {
      mailboxes.putAll(departments);
    }
    for (Audience audience : Audience.values()) {
      if (audience != Audience.CUSTOMER) {
        requireAddress("fulfillment.mail.departments." + audience.code(), mailboxes.get(audience));
      }
    }
    departments = Map.copyOf(mailboxes);
    embeddedSmtp = embeddedSmtp == null ? new EmbeddedSmtp(false, 3025) : embeddedSmtp;
  }

  /** The mailbox of a department; the customer's address is the order's. */
  String mailboxOf(Audience department) {
    if (department == Audience.CUSTOMER) {
      throw new IllegalArgumentException("The customer's mailbox is the order's e-mail address");
    }
    return departments.get(department);
  }

  /** The wait before attempt {@code attempts + 1}: the initial backoff doubled per earlier failure, capped. */
  Duration backoffAfter(int attempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
  }

  private static void requireAddress(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must be set to an e-mail address");
    }
    try {
      new InternetAddress(value, true).validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException(key + " is not a valid e-mail address: " + e.getMessage());
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(key + " must be a positive duration");
    }
  }
}
