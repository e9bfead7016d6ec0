package io.orderflow.fulfillment.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.order.web.OrderApi.PaymentData;
import io.orderflow.fulfillment.order.web.OrderApi.PaymentMethod;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The payment of an order or a checkout")
class PaymentDataValidationTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  @DisplayName("by card needs the provider's payment-method id")
  void cardNeedsPaymentMethodId() {
    assertThat(problems(new PaymentData(PaymentMethod.CARD, "pm_card_visa"))).isEmpty();
    assertThat(problems(new PaymentData(PaymentMethod.CARD, null))).containsExactly("paymentMethodId: is required for "
        + "payment by card: the payment-method id issued by the payment provider (pm_...)");
    assertThat(problems(new PaymentData(PaymentMethod.CARD, " "))).contains("paymentMethodId: is required for "
        + "payment by card: the payment-method id issued by the payment provider (pm_...)");
  }

  @Test
  @DisplayName("by card refuses a card number")
  void cardNumberRefused() {
    assertThat(problems(new PaymentData(PaymentMethod.CARD, "4242424242424242"))).singleElement().asString()
        .startsWith("paymentMethodId: must be the payment-method id issued by the payment provider");
  }

  @ParameterizedTest
  @EnumSource(value = PaymentMethod.class, names = {"BANK_TRANSFER", "CASH_ON_DELIVERY", "INVOICE"})
  @DisplayName("by bank transfer, cash on delivery or invoice takes no payment-method id, and refuses one clearly")
  void otherMethods(PaymentMethod method) {
    assertThat(problems(new PaymentData(method, null))).isEmpty();
    assertThat(problems(new PaymentData(method, "pm_card_visa")))
        .containsExactly("paymentMethodId: applies to payment by card only; leave it out for " + method);
  }

  private static Set<String> problems(PaymentData payment) {
    return validator.validate(payment).stream().map(v -> v.getPropertyPath() + ": " + v.getMessage())
        .collect(Collectors.toSet());
  }
}
