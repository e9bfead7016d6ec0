package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderStatus;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response types of the order API (JSON), validated at the edge. */
public final class OrderApi {

  private OrderApi() {}

  /** How the customer pays; the payment process secures it before anything ships. */
  public enum PaymentMethod { CARD, BANK_TRANSFER, CASH_ON_DELIVERY, INVOICE }

  public record CustomerData(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
      @Pattern(regexp = "^\\+?[0-9 ()\\-]{6,20}$", message = "must be a phone number") String phone) {

    public OrderService.Customer toCustomer() {
      return new OrderService.Customer(name, email, phone);
    }
  }

  public record AddressData(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 20) String postalCode,
      @NotBlank @Size(max = 100) String city,
      @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as ES") String country) {

    public OrderService.Address toAddress() {
      return new OrderService.Address(street, postalCode, city, country);
    }
  }

  /** The payment method; a card comes as the payment provider's payment-method id, which no other method takes. */
  @PaymentMethodIdForCardOnly
  public record PaymentData(@NotNull PaymentMethod method,
      @Pattern(regexp = "^pm_[A-Za-z0-9_]{2,60}$",
          message = "must be the payment-method id issued by the payment provider (pm_...); card numbers are never accepted")
      String paymentMethodId) {}

  /** {@code paymentMethodId} is required for {@code CARD} and refused for every other method. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = PaymentMethodIdForCardOnly.Validator.class)
  public @interface PaymentMethodIdForCardOnly {

    String message() default "paymentMethodId is required for CARD and only for CARD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PaymentMethodIdForCardOnly, PaymentData> {

      @Override
      public boolean isValid(PaymentData payment, ConstraintValidatorContext context) {
        if (payment == null || payment.method() == null) {
          return true;
        }
        boolean given = payment.paymentMethodId() != null && !payment.paymentMethodId().isBlank();
        String problem = null;
        if (payment.method() == PaymentMethod.CARD && !given) {
          problem = "is required for payment by card: the payment-method id issued by the payment provider (pm_...)";
        } else if (payment.method() != PaymentMethod.CARD && payment.paymentMethodId() != null) {
          problem = "applies to payment by card only; leave it out for " + payment.method();
        }
        if (problem == null) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addPropertyNode("paymentMethodId").addConstraintViolation();
        return false;
      }
    }
  }

  /**
   * The channel a customer names when placing an order: null for WEB_SHOP; an unknown name → 400 on {@code channel}.
   * CAMPAIGN is refused by the order service (campaign orders come from an accepted offer).
   */
  public static io.orderflow.fulfillment.order.OrderChannel channel(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return io.orderflow.fulfillment.order.OrderChannel.valueOf(name.strip());
    } catch (IllegalArgumentException unknown) {
      throw new io.orderflow.fulfillment.shared.InvalidRequestException("channel", "must be one of WEB_SHOP, "
          + "MARKETPLACE, SEARCH, REFERRAL");
    }
  }

  /** An order status named in a query, in any case; null or blank for any; an unknown name → 400 on {@code status}. */
  public static OrderStatus status(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return OrderStatus.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new io.orderflow.fulfillment.shared.InvalidRequestException("status", "must be one of "
          + java.util.Arrays.stream(OrderStatus.values()).map(Enum::name)
              .collect(java.util.stream.Collectors.joining(", ")) + " (not " + name.strip() + ")");
    }
  }

  public record SlotData(@NotNull LocalDate date, @NotBlank @Size(max = 20) String window) {}

  public record DeliveryData(@NotNull DeliveryMethod method,
      @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "must be a pickup point id") String pickupPointId,
      @NotNull @Valid SlotData slot, boolean giftWrap, @Size(max = 300) String giftMessage, boolean fragilePackaging,
      @Size(max = 500) String instructions) {

    public OrderService.Delivery toDelivery() {
      return new OrderService.Delivery(method, pickupPointId, slot.date(), slot.window(), giftWrap, giftMessage,
          fragilePackaging, instructions);
    }
  }

  public record LineView(int lineNo, String sku, String productName, int quantity, BigDecimal unitPrice,
      BigDecimal lineTotal, int unavailableQuantity) {}

  /** A parcel: where it ships from, why (distance), its weight and quote, where it is now. */
  public record ShipmentView(int shipmentNo, String warehouseId, BigDecimal distanceKm, BigDecimal weightKg,
      BigDecimal shippingCost, Integer transitDays, String status, String trackingNumber, String invoiceNumber,
      Instant estimatedDelivery, Instant handedOverAt, Instant cancelledAt) {}

  /** The shipping quote: what shipping costs, what the customer pays in total, until when it can be accepted. */
  public record QuoteView(BigDecimal shippingCost, BigDecimal amountDue, Instant validUntil, Instant acceptedAt) {}

  public record PaymentView(String method, String status, String detail) {}

  public record StepView(String elementId, String name, String type) {}

  public record IncidentView(String elementId, String errorType, String message) {}

  /**
   * An order as the API shows it. {@code replacementFor}: the order a free replacement replaces and the RMA that decided
   * it (null for an ordinary order); {@code replacements}: the replacement orders sent for this order.
   * {@code backorderFor}: the order whose unavailable units a backorder order delivers (null for any other order);
   * {@code backorderOrders}: the backorder order placed for this order's unavailable units (none or one).
   */
  public record OrderView(String id, String orderNumber, OrderStatus status, String customerName, String customerEmail,
      OrderService.Address shippingAddress, OrderService.Delivery delivery, boolean marketingConsent, String currency,
      BigDecimal totalAmount, String paymentMethod, String warehouseId, String routingReason, String trackingNumber,
      String cancellationReason, Long processInstanceKey, String processStatus, List<StepView> currentSteps,
      List<IncidentView> incidents, Instant placedAt, Instant updatedAt, List<LineView> lines,
      List<ShipmentView> shipments, QuoteView quote, String backorderDecision, PaymentView payment,
      Instant acknowledgedAt, String language, List<OrderService.Milestone> history,
      OrderService.ReplacementFor replacementFor, List<OrderService.ReplacementOrder> replacements,
      List<io.orderflow.fulfillment.order.OrderReturns.ReturnSummary> returns, OrderService.BackorderFor backorderFor,
      List<OrderService.BackorderOrder> backorderOrders, String channel) {}
}
