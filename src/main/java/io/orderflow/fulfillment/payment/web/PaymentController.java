package io.orderflow.fulfillment.payment.web;

import io.orderflow.fulfillment.payment.BankStatements;
import io.orderflow.fulfillment.payment.CashOnDelivery;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments from outside the shop's processes: the customer's new card after a decline, the bank's statement, the
 * courier's report of cash collected on delivery.
 */
@RestController
class PaymentController {

  /** The new card as the payment provider's token; the card itself never reaches the shop. */
  record CardUpdateRequest(String paymentMethodId) {}

  record CardUpdateResponse(String orderId, int attempt, String status) {}

  record StatementEntryData(@NotBlank @Size(max = 80) String bankTransactionId, @Size(max = 60) String reference,
      @NotNull @DecimalMin(value = "0.01", message = "must be a credit of at least 0.01")
      @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as EUR") String currency,
      @NotNull LocalDate bookingDate, @Size(max = 200) String payerName) {

    BankStatements.StatementEntry toEntry() {
      return new BankStatements.StatementEntry(bankTransactionId.trim(), reference, amount, currency, bookingDate,
          payerName);
    }
  }

  /** A bank-statement import: the credits of the shop's account (camt.053 entries, as the bank integration maps them). */
  record BankStatementImport(@NotEmpty @Size(max = 1000) List<@NotNull @Valid StatementEntryData> entries) {}

  record ImportResponse(Map<BankStatements.Outcome, Integer> totals, List<BankStatements.EntryResult> entries) {}

  record CashCollectionRequest(@NotBlank @Size(max = 80) String collectionId, @Size(max = 40) String trackingNumber,
      @Size(max = 20) String orderNumber,
      @NotNull @DecimalMin(value = "0.00") @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as EUR") String currency) {}

  private final Payments payments;
  private final BankStatements bankStatements;
  private final CashOnDelivery cashOnDelivery;

  PaymentController(Payments payments, BankStatements bankStatements, CashOnDelivery cashOnDelivery) {
    this.payments = payments;
    this.bankStatements = bankStatements;
    this.cashOnDelivery = cashOnDelivery;
  }

  /**
   * The customer gives another card after a decline: 202, the payment process tries it. 400 for anything but a
   * provider token (pm_…), 409 when the order's payment does not wait for another card.
   */
  @PostMapping("/api/orders/{orderId}/payment/card")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CardUpdateResponse updateCard(@PathVariable String orderId, @RequestBody CardUpdateRequest request) {
    Payments.CardUpdate update = payments.updateCard(orderId, request.paymentMethodId());
    return new CardUpdateResponse(update.orderId(), update.attempt(), "CARD_UPDATE_RECEIVED");
  }

  /** Imports bank-statement entries; each is reported MATCHED, AMOUNT_MISMATCH, UNMATCHED or DUPLICATE. */
  @PostMapping("/api/payments/bank-statements")
  ImportResponse importStatement(@Valid @RequestBody BankStatementImport statement) {
    List<BankStatements.EntryResult> results =
        bankStatements.importEntries(statement.entries().stream().map(StatementEntryData::toEntry).toList());
    Map<BankStatements.Outcome, Integer> totals = new EnumMap<>(BankStatements.Outcome.class);
    results.forEach(r -> totals.merge(r.outcome(), 1, Integer::sum));
    return new ImportResponse(totals, results);
  }

  /** Entries no process takes care of, for finance: unknown references, unexpected transfers, partial invoice payments. */
  @GetMapping("/api/payments/bank-statements/unmatched")
  List<BankStatements.OpenEntry> unmatched(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return bankStatements.forFinance(limit);
  }

  /** The courier reports the cash it collected for an order (by the parcel's tracking number or the order number). */
  @PostMapping("/api/payments/cash-collections")
  CashOnDelivery.CollectionResult cashCollected(@Valid @RequestBody CashCollectionRequest request) {
    boolean byTracking = request.trackingNumber() != null && !request.trackingNumber().isBlank();
    boolean byOrder = request.orderNumber() != null && !request.orderNumber().isBlank();
    if (byTracking == byOrder) {
      throw new InvalidRequestException("trackingNumber", "give the parcel's tracking number or the order number "
          + "(one of them)");
    }
    return cashOnDelivery.recordCollection(new CashOnDelivery.CashReport(request.collectionId().trim(),
        byTracking ? request.trackingNumber().trim() : null, byOrder ? request.orderNumber().trim() : null,
        request.amount(), request.currency()));
  }
}
