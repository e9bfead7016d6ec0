package io.orderflow.fulfillment.payment.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.fulfillment.payment.BankStatements;
import io.orderflow.fulfillment.payment.BankStatements.EntryResult;
import io.orderflow.fulfillment.payment.BankStatements.Outcome;
import io.orderflow.fulfillment.payment.CashOnDelivery;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.WithApiSecurity;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithApiSecurity
@WebMvcTest(PaymentController.class)
@DisplayName("The payment API")
class PaymentControllerTest {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  Payments payments;

  @MockitoBean
  BankStatements bankStatements;

  @MockitoBean
  CashOnDelivery cashOnDelivery;

  @Test
  @DisplayName("accepts a new card's payment-method id with 202")
  void newCardAccepted() throws Exception {
    // given
    when(payments.updateCard("o-1", "pm_card_mastercard")).thenReturn(new Payments.CardUpdate("o-1", 2));

    // when / then
    mvc.perform(post("/api/orders/o-1/payment/card").with(DemoUser.ANA.basic()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"paymentMethodId\":\"pm_card_mastercard\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.attempt").value(2))
        .andExpect(jsonPath("$.status").value("CARD_UPDATE_RECEIVED"));
  }

  @Test
  @DisplayName("refuses a card number with 400 and never repeats it in the answer")
  void cardNumberRefused() throws Exception {
    // given (the service's check, see PaymentsTest)
    when(payments.updateCard("o-1", "4242424242424242")).thenThrow(new InvalidRequestException("paymentMethodId",
        "looks like a card number; card numbers are never accepted: send the payment-method id issued by the payment "
            + "provider (pm_...)"));

    // when / then
    mvc.perform(post("/api/orders/o-1/payment/card").with(DemoUser.ANA.basic()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"paymentMethodId\":\"4242424242424242\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("paymentMethodId"))
        .andExpect(content().string(not(containsString("4242"))));
  }

  @Test
  @DisplayName("answers 409 with a problem when the order does not wait for another card, 404 for an unknown order")
  void notAwaitingOrUnknown() throws Exception {
    // given
    when(payments.updateCard("o-1", "pm_card_visa"))
        .thenThrow(new ConflictException("The payment of order o-1 is not waiting for another card (it is AUTHORIZED)"));
    when(payments.updateCard("o-404", "pm_card_visa")).thenThrow(new NotFoundException("Order", "o-404"));

    // when / then
    mvc.perform(post("/api/orders/o-1/payment/card").with(DemoUser.ANA.basic()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"paymentMethodId\":\"pm_card_visa\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("not waiting for another card")));
    mvc.perform(post("/api/orders/o-404/payment/card").with(DemoUser.ANA.basic()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"paymentMethodId\":\"pm_card_visa\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  @DisplayName("imports a bank statement and reports each entry's outcome with totals")
  void importStatement() throws Exception {
    // given
    when(bankStatements.importEntries(List.of(
        new BankStatements.StatementEntry("TX-1", "RF18 5390 0754 7034", new BigDecimal("51.80"), "EUR",
            LocalDate.of(2026, 11, 24), "Ana García"),
        new BankStatements.StatementEntry("TX-2", null, new BigDecimal("10.00"), "EUR", LocalDate.of(2026, 11, 24),
            null))))
        .thenReturn(List.of(new EntryResult("TX-1", Outcome.MATCHED, "o-1", "Bank transfer for the order"),
            new EntryResult("TX-2", Outcome.UNMATCHED, null, "No payment reference on the transfer")));

    // when / then
    mvc.perform(post("/api/payments/bank-statements").with(DemoUser.CALLBACKS.basic()).contentType(MediaType.APPLICATION_JSON).content("""
            {"entries": [
              {"bankTransactionId": "TX-1", "reference": "RF18 5390 0754 7034", "amount": 51.80, "currency": "EUR",
               "bookingDate": "2026-11-24", "payerName": "Ana García"},
              {"bankTransactionId": "TX-2", "amount": 10.00, "currency": "EUR", "bookingDate": "2026-11-24"}
            ]}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totals.MATCHED").value(1))
        .andExpect(jsonPath("$.totals.UNMATCHED").value(1))
        .andExpect(jsonPath("$.entries[0].outcome").value("MATCHED"))
        .andExpect(jsonPath("$.entries[1].detail").value("No payment reference on the transfer"));
  }

  @Test
  @DisplayName("refuses a statement with an invalid entry (400, every field named) and imports nothing")
  void invalidStatement() throws Exception {
    mvc.perform(post("/api/payments/bank-statements").with(DemoUser.CALLBACKS.basic()).contentType(MediaType.APPLICATION_JSON).content("""
            {"entries": [{"bankTransactionId": "", "amount": -5, "currency": "euro"}]}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
            "entries[0].amount", "entries[0].bankTransactionId", "entries[0].bookingDate", "entries[0].currency")));
    mvc.perform(post("/api/payments/bank-statements").with(DemoUser.CALLBACKS.basic()).contentType(MediaType.APPLICATION_JSON).content("{\"entries\":[]}"))
        .andExpect(status().isBadRequest());
    verifyNoInteractions(bankStatements);
  }

  @Test
  @DisplayName("lists the entries finance has to look at")
  void unmatched() throws Exception {
    // given
    when(bankStatements.forFinance(100)).thenReturn(List.of(new BankStatements.OpenEntry("TX-2", null,
        new BigDecimal("10.00"), "EUR", LocalDate.of(2026, 11, 24), null, Outcome.UNMATCHED, null,
        "No payment reference on the transfer", null)));

    // when / then
    mvc.perform(get("/api/payments/bank-statements/unmatched").with(DemoUser.FINANCE.basic()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].bankTransactionId").value("TX-2"))
        .andExpect(jsonPath("$[0].outcome").value("UNMATCHED"));
    mvc.perform(get("/api/payments/bank-statements/unmatched").with(DemoUser.FINANCE.basic()).param("limit", "0"))
        .andExpect(status().isBadRequest());
  }

  @Test
  @DisplayName("takes the courier's cash report by tracking number or order number, one of them")
  void cashCollection() throws Exception {
    // given
    when(cashOnDelivery.recordCollection(new CashOnDelivery.CashReport("COL-1", "SX643681112ES", null,
        new BigDecimal("64.90"), "EUR"))).thenReturn(new CashOnDelivery.CollectionResult("COL-1",
        CashOnDelivery.Outcome.MATCHED, "ORD-CCCC3333", "The amount due was collected"));

    // when / then
    mvc.perform(post("/api/payments/cash-collections").with(DemoUser.CALLBACKS.basic()).contentType(MediaType.APPLICATION_JSON).content("""
            {"collectionId": "COL-1", "trackingNumber": "SX643681112ES", "amount": 64.90, "currency": "EUR"}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("MATCHED"))
        .andExpect(jsonPath("$.orderNumber").value("ORD-CCCC3333"));
    mvc.perform(post("/api/payments/cash-collections").with(DemoUser.CALLBACKS.basic()).contentType(MediaType.APPLICATION_JSON).content("""
            {"collectionId": "COL-2", "trackingNumber": "SX1", "orderNumber": "ORD-1", "amount": 1, "currency": "EUR"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
    mvc.perform(post("/api/payments/cash-collections").with(DemoUser.CALLBACKS.basic()).contentType(MediaType.APPLICATION_JSON).content("""
            {"collectionId": "COL-3", "amount": 1, "currency": "EUR"}"""))
        .andExpect(status().isBadRequest());
    verify(cashOnDelivery).recordCollection(any());
  }

  @Test
  @DisplayName("takes bank statements only from the callbacks caller: 401 without sign-in, 403 for finance")
  void bankStatementsAreACallback() throws Exception {
    mvc.perform(post("/api/payments/bank-statements").contentType(MediaType.APPLICATION_JSON).content("{\"entries\":[]}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/payments/bank-statements").with(DemoUser.FINANCE.basic())
            .contentType(MediaType.APPLICATION_JSON).content("{\"entries\":[]}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("Your role finance may not POST /api/payments/bank-statements"));
  }
}
