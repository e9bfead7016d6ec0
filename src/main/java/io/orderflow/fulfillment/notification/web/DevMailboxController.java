package io.orderflow.fulfillment.notification.web;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mails the embedded SMTP server caught (embedded runtime only: the endpoint exists only while that server runs).
 * For development and demos: see what a customer or a department would have received.
 */
@RestController
@RequestMapping("/api/dev/mailbox")
@ConditionalOnProperty(name = "fulfillment.mail.embedded-smtp.enabled", havingValue = "true")
class DevMailboxController {

  /** One caught mail: the plain-text body, and the HTML one. */
  record CaughtMail(String subject, String from, List<String> to, String body, String html, Instant sentAt,
      String notificationId, String orderId) {}

  private final GreenMail server;

  DevMailboxController(GreenMail server) {
    this.server = server;
  }

  /** Newest first; {@code to} keeps the mails to that address only. */
  @GetMapping
  List<CaughtMail> mailbox(@RequestParam(required = false) String to, @RequestParam(defaultValue = "50") int max) {
    if (max < 1 || max > 500) {
      throw new InvalidRequestException("max", "must be between 1 and 500");
    }
    List<MimeMessage> messages = new ArrayList<>(Arrays.asList(server.getReceivedMessages()));
    Collections.reverse(messages);
    return messages.stream().map(DevMailboxController::caught)
        .filter(m -> to == null || to.isBlank() || m.to().stream().anyMatch(a -> a.equalsIgnoreCase(to.strip())))
        .limit(max).toList();
  }

  /** Empties the mailbox. */
  @DeleteMapping
  ResponseEntity<Void> clear() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("The embedded mailbox cannot be emptied: " + e.getMessage(), e);
    }
    return ResponseEntity.noContent().build();
  }

  private static CaughtMail caught(MimeMessage message) {
    try {
      List<String> to = message.getRecipients(Message.RecipientType.TO) == null ? List.of()
          : Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(DevMailboxController::address).toList();
      String from = message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
      return new CaughtMail(message.getSubject(), from, to, part(message, "text/plain"), part(message, "text/html"),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          message.getHeader("X-Orderflow-Notification", null), message.getHeader("X-Orderflow-Order", null));
    } catch (MessagingException e) {
      throw new IllegalStateException("A caught mail cannot be read: " + e.getMessage(), e);
    }
  }

  private static String address(Address address) {
    return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
  }

  /** The first part of this type, looking through nested multiparts (mixed, related, alternative). */
  private static String part(Part part, String type) throws MessagingException {
    try {
      if (part.isMimeType(type) && part.getContent() instanceof String text) {
        return text;
      }
      if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String found = part(child, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
