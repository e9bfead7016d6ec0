package io.orderflow.fulfillment.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded runtime's SMTP server: GreenMail, in memory, on 127.0.0.1 at {@code fulfillment.mail.embedded-smtp.port}
 * (0 = a free port, chosen by {@link EmbeddedSmtpPortResolver} before Spring's mail sender reads
 * {@code spring.mail.port}). It accepts every mail and keeps it until the app stops; {@code GET /api/dev/mailbox}
 * shows what it caught. The {@code camunda} profile turns it off and sends to a real SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedSmtpPortResolver.ENABLED, havingValue = "true")
class EmbeddedSmtpConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfiguration.class);

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtpServer(MailSettings settings) {
    GreenMail server = new GreenMail(new ServerSetup(settings.embeddedSmtp().port(), "127.0.0.1",
        ServerSetup.PROTOCOL_SMTP));
    server.start();
    log.warn("Embedded SMTP server (GreenMail) on 127.0.0.1:{}: mails are caught in memory, nobody receives them; "
        + "read them at GET /api/dev/mailbox", server.getSmtp().getPort());
    return server;
  }
}
