package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Store credit: issued for a return when the customer chooses it, one credit per return, to the customer's e-mail
 * address (compared case-insensitively), with a code such as {@code SC-7KQM-W3XP} that people can read out. The
 * balance is what was issued, per currency; spending credit at checkout is not built yet.
 */
@Service
public class StoreCredits {

  private static final Logger log = LoggerFactory.getLogger(StoreCredits.class);

  /** Letters and digits nobody confuses (no 0/O, 1/I/L). */
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final int CODE_ATTEMPTS = 5;

  /** One credit as the customer sees it. */
  public record Credit(String code, String customerEmail, BigDecimal amount, String currency, String orderId,
      String rmaNumber, Instant issuedAt) {}

  /** A customer's credits and their balance per currency. */
  public record Account(String customerEmail, Map<String, BigDecimal> balance, List<Credit> credits) {}

  private final StoreCreditRepository credits;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  StoreCredits(StoreCreditRepository credits, Clock clock) {
    this.credits = credits;
    this.clock = clock;
  }

  /**
   * Issues store credit for the return once; a repeated call returns the credit issued before. Joins the caller's
   * transaction (the refund of the return and its credit commit together).
   */
  @Transactional
  public Credit issue(String customerEmail, BigDecimal amount, String currency, String orderId, String rmaNumber) {
    Optional<StoreCredit> known = credits.findBySourceOrderIdAndSourceRmaNumber(orderId, rmaNumber);
    if (known.isPresent()) {
      return view(known.get());
    }
    String code = newCode();
    StoreCredit credit = credits.saveAndFlush(new StoreCredit(code, normalised(customerEmail),
        amount.setScale(2, RoundingMode.HALF_UP), currency, orderId, rmaNumber, clock.instant()));
    log.info("Store credit {} issued for return {} of order {}", code, rmaNumber, orderId);
    return view(credit);
  }

  /** What the customer has in store credit, per currency (currencies without credit are absent). */
  @Transactional(readOnly = true)
  public Map<String, BigDecimal> balance(String customerEmail) {
    Map<String, BigDecimal> balance = new TreeMap<>();
    for (StoreCredit credit : credits.findByCustomerEmailOrderByIssuedAtAscIdAsc(normalised(customerEmail))) {
      balance.merge(credit.currency(), credit.amount(), BigDecimal::add);
    }
    return balance;
  }

  /** The customer's credits, oldest first. */
  @Transactional(readOnly = true)
  public List<Credit> ofCustomer(String customerEmail) {
    return credits.findByCustomerEmailOrderByIssuedAtAscIdAsc(normalised(customerEmail)).stream()
        .map(StoreCredits::view).toList();
  }

  /** Credits and balance together, as the API shows them. */
  @Transactional(readOnly = true)
  public Account account(String customerEmail) {
    String email = normalised(customerEmail);
    return new Account(email, balance(email), ofCustomer(email));
  }

  private String newCode() {
    for (int attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
      String code = "SC-" + randomPart() + "-" + randomPart();
      if (!credits.existsByCode(code)) {
        return code;
      }
    }
    throw new IllegalStateException("No free store credit code after " + CODE_ATTEMPTS + " attempts");
  }

  private String randomPart() {
    char[] part = new char[4];
    for (int i = 0; i < part.length; i++) {
      part[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(part);
  }

  static String normalised(String email) {
    if (email == null || email.isBlank()) {
      throw new InvalidRequestException("email", "is required");
    }
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static Credit view(StoreCredit c) {
    return new Credit(c.code(), c.customerEmail(), c.amount(), c.currency(), c.sourceOrderId(), c.sourceRmaNumber(),
        c.issuedAt());
  }
}
