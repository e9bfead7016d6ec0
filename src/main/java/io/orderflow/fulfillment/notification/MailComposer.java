package io.orderflow.fulfillment.notification;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Turns a notification into an e-mail: subject, plain text and HTML, in plain language per audience and topic.
 *
 * <p>The words per topic are in {@code mail/messages.properties}; a topic without its own words gets the general ones,
 * so a new process step mails sensibly before anyone writes its text. The layout is in Thymeleaf templates
 * ({@code mail/customer.*}, {@code mail/department.*}): Thymeleaf escapes every value in the HTML part (the templates
 * use {@code th:text} and {@code [[…]]} only) and leaves the plain-text part as it is, one engine for both.
 *
 * <p>Templates only see the {@link MailView} built here from an allow-list of order facts: product lines, amounts,
 * delivery, parcels and tracking numbers. The payment method id (a provider token) is never put in, and free texts
 * (the summary, the detail, a gift message) are scrubbed of tokens and card numbers. Marketing gets the summary only:
 * it was written for them, and only for customers who consented.
 */
@Component
class MailComposer {

  /** A composed e-mail. */
  record Mail(String subject, String text, String html) {}

  record MailView(String greeting, String headline, String intro, String detailLabel, String detail, OrderView order,
      String returns, String contact, String signature) {}

  record OrderView(String number, String status, List<LineView> lines, String goods, String shipping,
      String amountDue, boolean anyUnavailable, DeliveryView delivery, List<ParcelView> parcels) {}

  record LineView(int quantity, String product, String sku, String unitPrice, String total, int unavailable) {}

  record DeliveryView(String method, List<String> address, String slot, String pickupPoint, boolean giftWrap,
      String giftMessage, boolean fragile, String instructions) {}

  record ParcelView(int number, String trackingNumber, String status) {}

  private static final Locale LOCALE = Locale.ENGLISH;

  private final TemplateEngine templates;
  private final MessageSource messages;
  private final String contact;
  private final String shopName;

  MailComposer(MailSettings settings) {
    this.templates = templateEngine();
    this.messages = messageSource();
    this.contact = settings.mailboxOf(Audience.CUSTOMER_SERVICE);
    this.shopName = personalName(settings.from());
  }

  /**
   * The mail for the audience about the order.
   *
   * @param summary the notification's summary (what departments read)
   * @param detail the reason or answer that came with the step, or null (what the customer reads)
   */
  Mail compose(Audience audience, String topic, String summary, String detail, OrderSummary order) {
    String token = order.paymentReference();
    String kind = audience == Audience.CUSTOMER ? "customer" : "department";
    String orderNumber = order.orderNumber();
    String subject = Redaction.oneLine(topicText(kind, topic, "subject", orderNumber, humanize(topic)));
    String template;
    MailView view;
    if (audience == Audience.CUSTOMER) {
      boolean returns = has(kind, topic, "returns");
      view = new MailView(text("greeting", order.customer().name()), subject, topicText(kind, topic, "intro"),
          topicText(kind, topic, "detail-label"), Redaction.scrub(blankToNull(detail), token),
          orderView(order, true), returns ? topicText(kind, topic, "returns", contact, orderNumber) : null, contact,
          text("signature", shopName));
      template = "customer";
    } else {
      // Departments read the summary written for them; marketing nothing else (consent covers that much only).
      OrderView facts = audience == Audience.MARKETING ? null : orderView(order, false);
      view = new MailView(text("department-greeting", displayName(audience)), subject, topicText(kind, topic, "intro"),
          text("department.summary-label"), Redaction.scrub(summary, token), facts, null, contact,
          text("signature", shopName));
      template = "department";
    }
    Context context = new Context(LOCALE);
    context.setVariable("m", view);
    return new Mail(subject, templates.process(template + ".txt", context),
        templates.process(template + ".html", context));
  }

  private OrderView orderView(OrderSummary order, boolean forCustomer) {
    String currency = order.currency().getCurrencyCode();
    List<LineView> lines = order.lines().stream().map(l -> lineView(l, currency)).toList();
    BigDecimal goods = order.lines().stream()
        .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.shippableQuantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal shippingCost = order.quote() == null ? null : order.quote().shippingCost();
    List<ParcelView> parcels = new ArrayList<>();
    for (ShipmentSummary s : order.shipments()) {
      parcels.add(new ParcelView(s.shipmentNo(), s.trackingNumber(), humanize(s.status())));
    }
    boolean anyTracking = parcels.stream().anyMatch(p -> p.trackingNumber() != null);
    String status = order.status().name();
    return new OrderView(order.orderNumber(), messages.getMessage("status." + status, null, humanize(status), LOCALE),
        lines, money(goods, currency),
        shippingCost == null ? text("shipping-not-quoted") : money(shippingCost, currency),
        money(order.amountDue(), currency), order.hasUnavailableLines(),
        forCustomer ? deliveryView(order) : new DeliveryView(methodName(order.delivery()), List.of(), null, null,
            false, null, false, null),
        anyTracking ? parcels : List.of());
  }

  private static LineView lineView(LineSummary l, String currency) {
    BigDecimal shippable = l.unitPrice().multiply(BigDecimal.valueOf(l.shippableQuantity()));
    return new LineView(l.quantity(), l.productName(), l.sku(), money(l.unitPrice(), currency),
        money(shippable, currency), l.unavailableQuantity());
  }

  private DeliveryView deliveryView(OrderSummary order) {
    Delivery d = order.delivery();
    var a = order.shippingAddress();
    List<String> address = List.of(order.customer().name(), a.street(), a.postalCode() + " " + a.city(),
        Locale.of("", a.country()).getDisplayCountry(LOCALE));
    String slot = null;
    if (d.slotDate() != null) {
      slot = d.slotDate() + (d.slotWindow() == null ? "" : ", " + ("ALL_DAY".equals(d.slotWindow())
          ? text("slot.all-day") : d.slotWindow()));
    }
    return new DeliveryView(methodName(d), address, slot, d.pickupPointId(), d.giftWrap(),
        Redaction.scrub(blankToNull(d.giftMessage()), order.paymentReference()), d.fragilePackaging(),
        Redaction.scrub(blankToNull(d.instructions()), order.paymentReference()));
  }

  private String methodName(Delivery delivery) {
    DeliveryMethod method = delivery == null || delivery.method() == null ? DeliveryMethod.STANDARD : delivery.method();
    return text("delivery." + method.name());
  }

  /** The audience's words for the topic, or the general ones of the audience. */
  private String topicText(String kind, String topic, String part, Object... args) {
    String specific = messages.getMessage(kind + "." + topic + "." + part, args, null, LOCALE);
    return specific != null ? specific : messages.getMessage(kind + ".default." + part, args, null, LOCALE);
  }

  private boolean has(String kind, String topic, String part) {
    return messages.getMessage(kind + "." + topic + "." + part, null, null, LOCALE) != null;
  }

  private String text(String code, Object... args) {
    return messages.getMessage(code, args, LOCALE);
  }

  private String displayName(Audience audience) {
    return text("audience." + audience.code());
  }

  static String money(BigDecimal amount, String currency) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
  }

  /** {@code ORDER_SHIPPED} → {@code Order shipped}. */
  static String humanize(String code) {
    String words = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String personalName(String from) {
    try {
      String personal = new InternetAddress(from, true).getPersonal();
      return personal == null || personal.isBlank() ? "Orderflow" : personal;
    } catch (AddressException e) {
      throw new IllegalArgumentException("fulfillment.mail.from is not a valid address", e);
    }
  }

  private static TemplateEngine templateEngine() {
    TemplateEngine engine = new TemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailComposer.class.getClassLoader());
    resolver.setPrefix("mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  private static MessageSource messageSource() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("mail/messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setAlwaysUseMessageFormat(true);
    return source;
  }
}
