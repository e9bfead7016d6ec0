package io.orderflow.fulfillment.accounting;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.QuoteSummary;
import io.orderflow.fulfillment.order.OrderService.ReplacementFor;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.MoneyMovements;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("The VAT invoice of a free replacement's parcel")
class ReplacementInvoiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final VatInvoiceRepository invoices = mock(VatInvoiceRepository.class);
  private final GapFreeNumbers numbering = mock(GapFreeNumbers.class);
  private final OrderService orders = mock(OrderService.class);
  private final Inventory inventory = mock(Inventory.class);
  private final MoneyMovements movements = mock(MoneyMovements.class);
  private final PlatformTransactionManager txManager = mock(PlatformTransactionManager.class);
  private final VatInvoices vatInvoices = new VatInvoices(invoices, numbering, mock(CreditNoteRepository.class),
      mock(VatRates.class),
      mock(SellerSettings.class), mock(VatSettings.class), orders, inventory, mock(Catalog.class), movements, txManager,
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  @DisplayName("is not issued: a replacement is not a sale; no number is used, nothing enters the ledger, the step completes")
  void noInvoiceForAReplacement() {
    // given
    when(invoices.findByOrderIdAndShipmentNo(anyString(), anyInt())).thenReturn(Optional.empty());
    when(orders.summary("order-2")).thenReturn(replacement());

    // when
    Optional<VatInvoices.IssuedInvoice> issued = vatInvoices.issue("order-2", 1);

    // then
    assertThat(issued).isEmpty();
    verifyNoInteractions(numbering, movements, txManager, inventory);
    verify(orders, never()).shipmentInvoiced(anyString(), anyInt(), anyString());
    assertThatThrownBy(() -> vatInvoices.issue("order-2", 2)).isInstanceOf(NotFoundException.class);
  }

  private static OrderSummary replacement() {
    return new OrderSummary("order-2", "ORD-REPL2345", OrderStatus.SHIPPED,
        new Customer("Ana García", "ana@example.com", null), new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
        Currency.getInstance("EUR"), new BigDecimal("0.00"), "NO_CHARGE", null, "madrid", "SX1ES", null, 43L, NOW, NOW,
        List.of(new OrderService.LineSummary(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 1,
            new BigDecimal("0.00"), new BigDecimal("0.00"), 0)),
        OrderService.Delivery.standard(), false, "nearest",
        List.of(new ShipmentSummary(1, "madrid", new BigDecimal("3.2"), 180, new BigDecimal("0.00"), 1, "SHIPPED",
            "SX1ES")),
        new QuoteSummary(new BigDecimal("0.00"), new BigDecimal("0.00"), NOW, NOW), null, PaymentStatus.NO_CHARGE,
        null, NOW, "en", new ReplacementFor("order-1", "ORD-ORIG2345", "RMA-2026-0042"));
  }
}
