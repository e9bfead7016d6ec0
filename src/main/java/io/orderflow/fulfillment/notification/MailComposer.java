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
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
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
 * <p>The customer reads the mail in the language chosen at checkout ({@code mail/messages_<language>.properties}, the
 * templates' {@code #{...}} texts included), with dates, amounts and country names written the way that language writes
 * them; a word missing in a language falls back to English. Departments read English.
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

  /** @param facts lines under the detail (a department's mail about a purchase order: its lines), else empty */
  record MailView(String language, String greeting, String headline, String intro, String detailLabel, String detail,
      List<String> facts, OrderView order, ReturnsView returns, String contact, String signature) {}

  record OrderView(String number, String status, List<LineView> lines, String goods, String shipping,
      String amountDue, boolean anyUnavailable, DeliveryView delivery, List<ParcelView> parcels) {}

  /**
   * @param product the product's name; with {@code variant} null it may carry the variant itself (as ordered)
   * @param variant the size/colour, or null
   * @param serialNumbers of the units picked for this line, empty before picking or for products without serials
   */
  record LineView(int quantity, String product, String variant, String sku, String unitPrice, String total,
      int unavailable, List<String> serialNumbers) {}

  record DeliveryView(String method, List<String> address, String slot, String pickupPoint, boolean giftWrap,
      String giftMessage, boolean fragile, String instructions) {}

  /** A parcel; the links only once it has a tracking number. */
  record ParcelView(int number, String trackingNumber, String status, String trackingPage, String trackingApi) {}

  /** How to return items: the topic's lead-in, the return window, and the steps. */
  record ReturnsView(String lead, String window, List<String> steps) {}

  private static final Locale DEPARTMENT_LOCALE = Locale.ENGLISH;
  static final String ACKNOWLEDGED = "ORDER_ACKNOWLEDGED";
  /** The words of the acknowledgement of a free replacement order (the notification's topic stays ACKNOWLEDGED). */
  static final String REPLACEMENT_ACKNOWLEDGED = "REPLACEMENT_ACKNOWLEDGED";

  private final TemplateEngine templates;
  private final MessageSource messages;
  private final CustomerMailSettings customerSettings;
  private final String contact;
  private final String shopName;

  MailComposer(MailSettings settings, CustomerMailSettings customerSettings) {
    this.messages = messageSource();
    this.templates = templateEngine(messages);
    this.customerSettings = customerSettings;
    this.contact = settings.mailboxOf(Audience.CUSTOMER_SERVICE);
    this.shopName = personalName(settings.from());
  }

  /** As {@link #compose(Audience, String, String, String, OrderSummary, Map)}, with the order lines as they are. */
  Mail compose(Audience audience, String topic, String summary, String detail, OrderSummary order) {
    return compose(audience, topic, summary, detail, order, Map.of());
  }

  /**
   * The mail for the audience about the order.
   *
   * @param summary the notification's summary (what departments read)
   * @param detail the reason or answer that came with the step, or null (what the customer reads)
   * @param items size/colour and serial numbers per SKU (customer mails only)
   */
  Mail compose(Audience audience, String topic, String summary, String detail, OrderSummary order,
      Map<String, ItemDetails.Item> items) {
    String token = order.paymentReference();
    boolean customer = audience == Audience.CUSTOMER;
    Locale locale = customer ? localeOf(order) : DEPARTMENT_LOCALE;
    Texts t = new Texts(locale);
    String kind = customer ? "customer" : "department";
    String orderNumber = order.orderNumber();
    // A free replacement's acknowledgement says what it replaces and that nothing is charged.
    boolean freeReplacement = customer && order.replacementFor() != null && ACKNOWLEDGED.equals(topic);
    String words = freeReplacement ? REPLACEMENT_ACKNOWLEDGED : topic;
    Object[] introArgs = freeReplacement
        ? new Object[] {order.replacementFor().orderNumber(), order.replacementFor().rmaNumber()} : new Object[0];
    String subject = Redaction.oneLine(t.topic(kind, words, "subject", orderNumber, humanize(topic)));
    String template;
    MailView view;
    if (customer) {
      view = new MailView(locale.getLanguage(), t.text("greeting", order.customer().name()), subject,
          t.topic(kind, words, "intro", introArgs), t.topic(kind, words, "detail-label"),
          Redaction.scrub(blankToNull(detail), token), List.of(), orderView(order, items, t, true),
          returnsView(words, orderNumber, t), contact, t.text("signature", shopName));
      template = "customer";
    } else {
      // Departments read the summary written for them; marketing nothing else (consent covers that much only).
      OrderView facts = audience == Audience.MARKETING ? null : orderView(order, Map.of(), t, false);
      view = new MailView(locale.getLanguage(), t.text("department-greeting", t.text("audience." + audience.code())),
          subject, t.topic(kind, topic, "intro"), t.text("department.summary-label"), Redaction.scrub(summary, token),
          List.of(), facts, null, contact, t.text("signature", shopName));
      template = "department";
    }
    Context context = new Context(locale);
    context.setVariable("m", view);
    return new Mail(subject, templates.process(template + ".txt", context),
        templates.process(template + ".html", context));
  }

  /** The topics of a customer mail that is not about an order: a campaign offer. */
  static final java.util.Set<String> CUSTOMER_TOPICS_ABOUT = java.util.Set.of("CAMPAIGN_OFFER");

  /**
   * A department's mail about a business document that is not an order (a purchase order): the subject names the
   * reference ({@code department.<TOPIC>.subject} with {0} = the reference, else "reference: topic"), the summary is
   * the first paragraph and each line of {@code detail} one fact under it.
   */
  Mail composeAbout(Audience audience, String topic, String reference, String summary, String detail) {
    if (audience == Audience.CUSTOMER && !CUSTOMER_TOPICS_ABOUT.contains(topic)) {
      throw new IllegalArgumentException("A customer's mail is about an order or a campaign offer");
    }
    Texts t = new Texts(DEPARTMENT_LOCALE);
    String subject = Redaction.oneLine(t.textOr("department." + topic + ".subject", null) != null
        ? t.text("department." + topic + ".subject", reference, humanize(topic))
        : t.text("department.reference.subject", reference, humanize(topic)));
    List<String> facts = detail == null || detail.isBlank() ? List.of()
        : detail.lines().map(l -> Redaction.scrub(l.strip(), null)).filter(l -> l != null && !l.isEmpty()).toList();
    MailView view = new MailView(DEPARTMENT_LOCALE.getLanguage(),
        t.text("department-greeting", t.text("audience." + audience.code())), subject,
        t.textOr("department." + topic + ".intro", t.text("department.reference.intro")),
        t.text("department.summary-label"), Redaction.scrub(summary, null), facts, null, null, contact,
        t.text("signature", shopName));
    Context context = new Context(DEPARTMENT_LOCALE);
    context.setVariable("m", view);
    return new Mail(subject, templates.process("department.txt", context),
        templates.process("department.html", context));
  }

  /** The customer's language; an order from before languages were chosen reads English. */
  static Locale localeOf(OrderSummary order) {
    return order.language() == null || order.language().isBlank() ? Locale.ENGLISH
        : Locale.forLanguageTag(order.language());
  }

  private OrderView orderView(OrderSummary order, Map<String, ItemDetails.Item> items, Texts t, boolean forCustomer) {
    String currency = order.currency().getCurrencyCode();
    List<LineView> lines = order.lines().stream()
        .map(l -> lineView(l, forCustomer ? items.get(l.sku()) : null, currency, t)).toList();
    BigDecimal goods = order.lines().stream()
        .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.shippableQuantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal shippingCost = order.quote() == null ? null : order.quote().shippingCost();
    List<ParcelView> parcels = new ArrayList<>();
    for (ShipmentSummary s : order.shipments()) {
      String tracking = s.trackingNumber();
      parcels.add(new ParcelView(s.shipmentNo(), tracking, humanize(s.status()),
          tracking == null ? null : customerSettings.trackingPage(tracking),
          tracking == null ? null : customerSettings.trackingApi(tracking)));
    }
    boolean anyTracking = parcels.stream().anyMatch(p -> p.trackingNumber() != null);
    String status = order.status().name();
    return new OrderView(order.orderNumber(), t.textOr("status." + status, humanize(status)), lines,
        t.money(goods, currency),
        shippingCost == null ? t.text("shipping-not-quoted") : t.money(shippingCost, currency),
        t.money(order.amountDue(), currency), order.hasUnavailableLines(),
        forCustomer ? deliveryView(order, t) : new DeliveryView(methodName(order.delivery(), t), List.of(), null, null,
            false, null, false, null),
        anyTracking ? parcels : List.of());
  }

  private static LineView lineView(LineSummary l, ItemDetails.Item item, String currency, Texts t) {
    BigDecimal shippable = l.unitPrice().multiply(BigDecimal.valueOf(l.shippableQuantity()));
    boolean known = item != null && item.name() != null;
    return new LineView(l.quantity(), known ? item.name() : l.productName(), known ? blankToNull(item.variant()) : null,
        l.sku(), t.money(l.unitPrice(), currency), t.money(shippable, currency), l.unavailableQuantity(),
        item == null ? List.of() : item.serialNumbers());
  }

  private DeliveryView deliveryView(OrderSummary order, Texts t) {
    Delivery d = order.delivery();
    var a = order.shippingAddress();
    List<String> address = List.of(order.customer().name(), a.street(), a.postalCode() + " " + a.city(),
        Locale.of("", a.country()).getDisplayCountry(t.locale));
    String slot = null;
    if (d.slotDate() != null) {
      slot = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(t.locale).format(d.slotDate())
          + (d.slotWindow() == null ? "" : ", " + ("ALL_DAY".equals(d.slotWindow())
          ? t.text("slot.all-day") : d.slotWindow()));
    }
    return new DeliveryView(methodName(d, t), address, slot, d.pickupPointId(), d.giftWrap(),
        Redaction.scrub(blankToNull(d.giftMessage()), order.paymentReference()), d.fragilePackaging(),
        Redaction.scrub(blankToNull(d.instructions()), order.paymentReference()));
  }

  /** The return instructions, for the topics that have a lead-in for them (the confirmation, the delivery). */
  private ReturnsView returnsView(String topic, String orderNumber, Texts t) {
    String lead = t.textOr("customer." + topic + ".returns", null);
    if (lead == null) {
      return null;
    }
    return new ReturnsView(lead, t.text("returns.window", customerSettings.returns().windowDays()),
        List.of(t.text("returns.step.request", orderNumber, contact), t.text("returns.step.label"),
            t.text("returns.step.send")));
  }

  private static String methodName(Delivery delivery, Texts t) {
    DeliveryMethod method = delivery == null || delivery.method() == null ? DeliveryMethod.STANDARD : delivery.method();
    return t.text("delivery." + method.name());
  }

  /** The words and number formats of one language. */
  private final class Texts {

    final Locale locale;

    Texts(Locale locale) {
      this.locale = locale;
    }

    /** The audience's words for the topic, or the general ones of the audience. */
    String topic(String kind, String topic, String part, Object... args) {
      String specific = messages.getMessage(kind + "." + topic + "." + part, args, null, locale);
      return specific != null ? specific : messages.getMessage(kind + ".default." + part, args, null, locale);
    }

    String text(String code, Object... args) {
      return messages.getMessage(code, args, locale);
    }

    String textOr(String code, String otherwise) {
      return messages.getMessage(code, null, otherwise, locale);
    }

    /** {@code 1,234.50 EUR} in English, {@code 1.234,50 EUR} in Spanish: the language's digits, the ISO code. */
    String money(BigDecimal amount, String currency) {
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(2);
      format.setMaximumFractionDigits(2);
      format.setRoundingMode(RoundingMode.HALF_UP);
      return format.format(amount) + " " + currency;
    }
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

  private static TemplateEngine templateEngine(MessageSource messages) {
    TemplateEngine engine = new TemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    engine.setMessageResolver(new BundleMessages(messages));
    return engine;
  }

  /** The templates' {@code #{key}} texts, from the same bundles as the rest, in the mail's language. */
  private record BundleMessages(MessageSource messages) implements IMessageResolver {

    @Override
    public String getName() {
      return "mail-messages";
    }

    @Override
    public Integer getOrder() {
      return 1;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return messages.getMessage(key, parameters, null, context.getLocale());
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
        Object[] parameters) {
      throw new IllegalStateException("mail/messages has no text '" + key + "'");
    }
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
