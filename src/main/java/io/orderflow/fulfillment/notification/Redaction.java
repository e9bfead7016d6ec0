package io.orderflow.fulfillment.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must not leave the app in a mail or a log line. Mails are built from an allow-list of order facts (the payment
 * method id, a provider token, is never among them); free texts that go into a mail (the notification's summary and
 * detail, a gift message) are scrubbed here as a second line of defence. Log lines show addresses masked.
 */
final class Redaction {

  static final String TOKEN_HIDDEN = "[payment token hidden]";
  static final String CARD_HIDDEN = "[card number hidden]";

  /**
   * Payment provider tokens: payment method and token ids ({@code pm_…}, {@code tok_…}) and provider object ids with a
   * random part ({@code card_1Nx…}, {@code src_…}, {@code seti_…}, {@code pi_…}, {@code ba_…}). Decline codes such as
   * {@code card_declined} are words, not ids, and stay readable.
   */
  private static final Pattern PAYMENT_TOKEN = Pattern.compile(
      "\\b(?:pm|tok)_[A-Za-z0-9_]+|\\b(?:card|src|seti|pi|ba)_(?=[a-z]*[0-9A-Z])[A-Za-z0-9]+");
  /** Digit runs with single spaces or dashes between digits; those of card-number length and checksum are hidden. */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d)+");
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");

  private Redaction() {}

  /**
   * The text without payment tokens and card numbers; {@code paymentReference} (the order's payment method id) is
   * hidden wherever it appears, whatever its shape.
   */
  static String scrub(String text, String paymentReference) {
    if (text == null) {
      return null;
    }
    String result = text;
    if (paymentReference != null && paymentReference.length() >= 4) {
      result = result.replace(paymentReference, TOKEN_HIDDEN);
    }
    result = PAYMENT_TOKEN.matcher(result).replaceAll(TOKEN_HIDDEN);
    Matcher digits = DIGIT_RUN.matcher(result);
    StringBuilder out = new StringBuilder();
    while (digits.find()) {
      String run = digits.group().replaceAll("[ -]", "");
      boolean afterLetter = digits.start() > 0 && Character.isLetter(result.charAt(digits.start() - 1));
      boolean card = !afterLetter && run.length() >= 13 && run.length() <= 19 && luhnValid(run);
      digits.appendReplacement(out, Matcher.quoteReplacement(card ? CARD_HIDDEN : digits.group()));
    }
    digits.appendTail(out);
    return out.toString();
  }

  /** {@code ana.garcia@example.com} → {@code a***@example.com}; every address in the text, for log lines. */
  static String maskAddresses(String text) {
    return text == null ? null : EMAIL.matcher(text).replaceAll("$1***@$2");
  }

  /** A header value on one line: control characters (CR, LF, …) become spaces. */
  static String oneLine(String text) {
    return text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
