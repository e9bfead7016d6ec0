package io.orderflow.fulfillment.accounting;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.payment.MoneyMovements;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * VAT invoices, one per parcel, issued when the parcel is handed to the courier: the goods of that parcel at the order's
 * gross prices plus its shipping, taxed at the rate of the destination country. Numbered {@code VAT-<year>-<6 digits>}
 * without gaps (see {@link InvoiceNumbering}); the issue is recorded on the order's parcel and in the money ledger.
 */
@Service
public class VatInvoices {

  private static final Logger log = LoggerFactory.getLogger(VatInvoices.class);

  /** An issued invoice as the API lists it. */
  public record IssuedInvoice(String invoiceNumber, String orderId, String orderNumber, int shipmentNo,
      LocalDate issuedOn, String currency, BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross,
      List<RateTotal> vatBreakdown) {}

  /** The sums of the lines taxed at one rate (percent). */
  public record RateTotal(BigDecimal ratePercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {}

  /** A PDF with the name it is saved under. */
  public record Pdf(String fileName, byte[] content) {}

  private final VatInvoiceRepository invoices;
  private final InvoiceNumbering numbering;
  private final VatRates rates;
  private final SellerSettings seller;
  private final VatSettings settings;
  private final OrderService orders;
  private final Inventory inventory;
  private final Catalog catalog;
  private final MoneyMovements movements;
  private final TransactionTemplate tx;
  private final Clock clock;

  VatInvoices(VatInvoiceRepository invoices, InvoiceNumbering numbering, VatRates rates, SellerSettings seller,
      VatSettings settings, OrderService orders, Inventory inventory, Catalog catalog, MoneyMovements movements,
      PlatformTransactionManager txManager, Clock clock) {
    this.invoices = invoices;
    this.numbering = numbering;
    this.rates = rates;
    this.seller = seller;
    this.settings = settings;
    this.orders = orders;
    this.inventory = inventory;
    this.catalog = catalog;
    this.movements = movements;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Issues the VAT invoice of the parcel once; a repeated call (or a concurrent one) returns the invoice issued. A free
   * replacement shipment is not a sale: it gets no invoice (and uses no number), the result is empty.
   *
   * @throws NotFoundException for an unknown order or parcel
   */
  public Optional<IssuedInvoice> issue(String orderId, int shipmentNo) {
    Optional<VatInvoice> known = invoices.findByOrderIdAndShipmentNo(orderId, shipmentNo);
    if (known.isPresent()) {
      return Optional.of(view(known.get()));
    }
    OrderSummary order = orders.summary(orderId);
    if (!order.chargeCustomer()) {
      order.shipments().stream().filter(s -> s.shipmentNo() == shipmentNo).findFirst()
          .orElseThrow(() -> new NotFoundException("Shipment", order.orderNumber() + "/" + shipmentNo));
      log.info("Parcel {} of order {} is a free replacement, not a sale: no VAT invoice", shipmentNo, orderId);
      return Optional.empty();
    }
    VatInvoice.Draft draft = draft(order, shipmentNo);
    LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
    numbering.prepareYear(today.getYear());
    try {
      VatInvoice invoice = tx.execute(status -> {
        int sequenceNo = numbering.next(today.getYear());
        // Under the counter's lock: an issue of the same parcel that committed meanwhile is seen here.
        Optional<VatInvoice> concurrent = invoices.findByOrderIdAndShipmentNo(orderId, shipmentNo);
        if (concurrent.isPresent()) {
          status.setRollbackOnly(); // gives the number back
          return concurrent.get();
        }
        VatInvoice created = invoices.saveAndFlush(new VatInvoice(draft, today.getYear(), sequenceNo, today,
            clock.instant()));
        orders.shipmentInvoiced(orderId, shipmentNo, created.invoiceNumber());
        movements.record(orderId, MoneyMovements.Kind.INVOICED, created.totalGross(), created.currency(),
            created.invoiceNumber(), "INVOICED:" + orderId + ":" + shipmentNo);
        log.info("VAT invoice {} issued for parcel {} of order {}", created.invoiceNumber(), shipmentNo, orderId);
        return created;
      });
      return Optional.of(view(invoice));
    } catch (DataIntegrityViolationException issuedConcurrently) {
      return Optional.of(invoices.findByOrderIdAndShipmentNo(orderId, shipmentNo).map(VatInvoices::view)
          .orElseThrow(() -> issuedConcurrently));
    }
  }

  /**
   * The order's invoices, by parcel.
   *
   * @throws NotFoundException for an unknown order
   */
  public List<IssuedInvoice> ofOrder(String orderId) {
    orders.summary(orderId);
    return invoices.findByOrderIdOrderByShipmentNo(orderId).stream().map(VatInvoices::view).toList();
  }

  /**
   * The invoice as an A4 PDF.
   *
   * @throws NotFoundException for an unknown order, or an invoice number the order does not have
   */
  public Pdf pdf(String orderId, String invoiceNumber) {
    VatInvoice invoice = invoices.findByOrderIdAndInvoiceNumber(orderId, invoiceNumber)
        .orElseThrow(() -> new NotFoundException("Invoice", invoiceNumber));
    return new Pdf(invoice.invoiceNumber() + ".pdf", VatInvoicePdf.render(invoice));
  }

  /** What the parcel's invoice holds: its goods at the order's unit prices, and its shipping. */
  VatInvoice.Draft draft(OrderSummary order, int shipmentNo) {
    ShipmentSummary shipment = order.shipments().stream().filter(s -> s.shipmentNo() == shipmentNo).findFirst()
        .orElseThrow(() -> new NotFoundException("Shipment", order.orderNumber() + "/" + shipmentNo));
    String country = order.shippingAddress().country();
    Map<String, Integer> contents = inventory.shipmentContents(order.id(), shipment.warehouseId());
    Map<String, LineSummary> lines = order.lines().stream()
        .collect(Collectors.toMap(LineSummary::sku, Function.identity(), (a, b) -> a));
    Map<String, Product> products = catalog.bySku(contents.keySet());
    List<VatCalculation.LineInput> inputs = new ArrayList<>();
    contents.forEach((sku, quantity) -> {
      LineSummary line = lines.get(sku);
      Product product = products.get(sku);
      if (line == null) {
        throw new IllegalStateException("Order " + order.id() + " has stock of " + sku + " reserved but no such line");
      }
      inputs.add(new VatCalculation.LineInput(sku, line.productName(), quantity, line.unitPrice(),
          rates.forGoods(country, product == null ? null : product.category())));
    });
    if (shipment.shippingCost() != null && shipment.shippingCost().signum() > 0) {
      inputs.add(new VatCalculation.LineInput(null, "Shipping, parcel " + shipmentNo, 1, shipment.shippingCost(),
          rates.standard(country)));
    }
    if (inputs.isEmpty()) {
      throw new IllegalStateException("Parcel " + shipmentNo + " of order " + order.id() + " holds nothing to invoice");
    }
    return new VatInvoice.Draft(order.id(), order.orderNumber(), shipmentNo, order.currency().getCurrencyCode(),
        seller, order.customer().name(), order.customer().email(), order.shippingAddress().street(),
        order.shippingAddress().postalCode(), order.shippingAddress().city(), country, VatCalculation.of(inputs));
  }

  private static IssuedInvoice view(VatInvoice invoice) {
    return new IssuedInvoice(invoice.invoiceNumber(), invoice.orderId(), invoice.orderNumber(), invoice.shipmentNo(),
        invoice.issuedOn(), invoice.currency(), invoice.totalNet(), invoice.totalVat(), invoice.totalGross(),
        VatCalculation.breakdown(invoice.pricedLines()).stream()
            .map(r -> new RateTotal(r.ratePercent(), r.net(), r.vat(), r.gross())).toList());
  }
}
