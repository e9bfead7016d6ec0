package io.orderflow.fulfillment.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mailer in {@code /actuator/health} as "mailOutbox": where mail goes and how much waits or was given up.
 *
 * <p>It replaces Spring Boot's own mail indicator ({@code management.health.mail.enabled=false}), which opens an SMTP
 * connection on every health request and reports the whole application DOWN while the server cannot be reached. Mail
 * is sent from the outbox and retried, so an SMTP outage delays mail but stops nothing else: it shows here as a growing
 * {@code pending} count and in the notifications' {@code lastError}, never as DOWN.
 */
@Component("mailOutboxHealthIndicator") // shown as "mailOutbox"
class MailHealth implements HealthIndicator {

  private final MailOutbox outbox;
  private final MailSettings settings;
  private final ObjectProvider<JavaMailSender> mailSender;

  MailHealth(MailOutbox outbox, MailSettings settings, ObjectProvider<JavaMailSender> mailSender) {
    this.outbox = outbox;
    this.settings = settings;
    this.mailSender = mailSender;
  }

  @Override
  public Health health() {
    MailOutbox.Backlog backlog = outbox.backlog();
    Health.Builder health = Health.up()
        .withDetail("sender", settings.enabled() ? "every " + settings.pollInterval() : "disabled")
        .withDetail("pending", backlog.pending())
        .withDetail("failed", backlog.failed());
    if (mailSender.getIfAvailable() instanceof JavaMailSenderImpl smtp) {
      health.withDetail("smtp", smtp.getHost() + ":" + smtp.getPort())
          .withDetail("embeddedSmtpServer", settings.embeddedSmtp().enabled());
    }
    return health.build();
  }
}
