package io.orderflow.fulfillment.accounting;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.ShipmentSummary;
import io.orderflow.fulfillment.payment.MoneyMovements;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shared.numbering.DocumentCounter;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
 * without gaps (see {@link io.orderflow.fulfillment.shared.numbering.GapFreeNumbers}); the issue is recorded on the order's parcel and in the money ledger.
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

  /**
   * A VAT credit note: corrects one invoice for the goods (and shipping) of one return; net, VAT and gross are
   * negative.
   */
  public record IssuedCreditNote(String creditNoteNumber, String orderId, String rmaNumber,
      String correctedInvoiceNumber, BigDecimal net, BigDecimal vat, BigDecimal gross, String currency,
      Instant issuedAt) {}

  /**
   * An invoice or a credit note of the order, as the order's invoice list shows them: {@code documentType} INVOICE or
   * CREDIT_NOTE; a credit note's number is in {@code invoiceNumber}, the invoice it corrects in
   * {@code correctedInvoiceNumber}, its return in {@code rmaNumber}, and its totals are negative. {@code pdf} is the
   * path of its PDF.
   */
  public record OrderDocument(String documentType, String invoiceNumber, String orderId, String orderNumber,
      int shipmentNo, LocalDate issuedOn, String currency, BigDecimal totalNet, BigDecimal totalVat,
      BigDecimal totalGross, List<RateTotal> vatBreakdown, String correctedInvoiceNumber, String rmaNumber,
      String pdf) {}

  public static final String INVOICE = "INVOICE";
  public static final String CREDIT_NOTE = "CREDIT_NOTE";

  private final VatInvoiceRepository invoices;
  private final GapFreeNumbers numbering;
  private final CreditNoteRepository creditNotes;
  private final VatRates rates;
  private final SellerSettings seller;
  private final VatSettings settings;
  private final OrderService orders;
  private final Inventory inventory;
  private final Catalog catalog;
  private final MoneyMovements movements;
  private final TransactionTemplate tx;
  private final Clock clock;

  VatInvoices(VatInvoiceRepository invoices, GapFreeNumbers numbering, CreditNoteRepository creditNotes,
      VatRates rates, SellerSettings seller, VatSettings settings,
      OrderService orders, Inventory inventory, Catalog catalog, MoneyMovements movements,
      PlatformTransactionManager txManager, Clock clock) {
    this.invoices = invoices;
    this.numbering = numbering;
    this.creditNotes = creditNotes;
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
    numbering.prepareYear(VatInvoice.SERIES, today.getYear());
    try {
      VatInvoice invoice = tx.execute(status -> {
        int sequenceNo = numbering.next(VatInvoice.SERIES, today.getYear());
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

  /**
   * Issues the VAT credit notes of a return, once: negative lines for the returned quantities at the unit prices and
   * VAT rates of the invoice(s) that invoiced them, plus the refunded shipping (gross) against the invoices' shipping
   * lines. One credit note per corrected invoice (returned goods from two parcels: two credit notes). Never more is
   * credited than was invoiced, over all returns; what was not invoiced (yet) is left out. A repeated (or concurrent)
   * call returns the credit notes issued the first time.
   *
   * @param returnedQuantitiesBySku returned units per SKU
   * @param shippingRefunded gross shipping given back, or null/zero
   * @return the credit notes, in number order; empty when nothing of it was invoiced
   * @throws NotFoundException for an unknown order
   */
  public List<IssuedCreditNote> creditNote(String orderId, String rmaNumber, Map<String, Integer> returnedQuantitiesBySku,
      BigDecimal shippingRefunded) {
    if (rmaNumber == null || rmaNumber.isBlank() || rmaNumber.length() > 40) {
      throw new InvalidRequestException("rmaNumber", "is required, at most 40 characters");
    }
    List<CreditNote> known = creditNotes.findByOrderIdAndRmaNumberOrderBySequenceNo(orderId, rmaNumber);
    if (!known.isEmpty()) {
      return known.stream().map(VatInvoices::view).toList();
    }
    orders.summary(orderId); // unknown order: 404
    Map<String, Integer> returned = returnedQuantitiesBySku == null ? Map.of() : returnedQuantitiesBySku;
    BigDecimal shipping = shippingRefunded == null ? BigDecimal.ZERO
        : shippingRefunded.setScale(2, java.math.RoundingMode.HALF_UP);
    if (invoices.findByOrderIdOrderByShipmentNo(orderId).isEmpty()
        || (returned.values().stream().noneMatch(q -> q != null && q > 0) && shipping.signum() <= 0)) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
    numbering.prepareYear(CreditNote.SERIES, today.getYear());
    try {
      List<CreditNote> issued = tx.execute(status -> {
        DocumentCounter sequence = numbering.lock(CreditNote.SERIES, today.getYear());
        // Under the counter's lock: credit notes committed meanwhile (this return's, or others' of the same
        // invoices) are seen here.
        List<CreditNote> concurrent = creditNotes.findByOrderIdAndRmaNumberOrderBySequenceNo(orderId, rmaNumber);
        if (!concurrent.isEmpty()) {
          return concurrent;
        }
        List<CreditNote> created = new ArrayList<>();
        CreditNotePlan.plan(invoices.findByOrderIdOrderByShipmentNo(orderId), creditNotes::findByCorrectedInvoiceNumber,
            returned, shipping).forEach((invoice, lines) -> {
              CreditNote note = creditNotes.saveAndFlush(new CreditNote(invoice, rmaNumber, lines, today.getYear(),
                  sequence.next(), today, clock.instant()));
              movements.record(orderId, MoneyMovements.Kind.CREDIT_NOTE, note.totalGross().negate(), note.currency(),
                  note.creditNoteNumber(), "CREDIT_NOTE:" + orderId + ":" + rmaNumber + ":"
                      + invoice.invoiceNumber());
              log.info("Credit note {} issued for return {} of order {}, correcting {}", note.creditNoteNumber(),
                  rmaNumber, orderId, invoice.invoiceNumber());
              created.add(note);
            });
        return created;
      });
      return issued.stream().map(VatInvoices::view).toList();
    } catch (DataIntegrityViolationException issuedConcurrently) {
      List<CreditNote> theirs = creditNotes.findByOrderIdAndRmaNumberOrderBySequenceNo(orderId, rmaNumber);
      if (theirs.isEmpty()) {
        throw issuedConcurrently;
      }
      return theirs.stream().map(VatInvoices::view).toList();
    }
  }

  /**
   * The order's credit notes, in the order they were issued.
   *
   * @throws NotFoundException for an unknown order
   */
  public List<IssuedCreditNote> creditNotesOf(String orderId) {
    orders.summary(orderId);
    return creditNotes.findByOrderIdOrderByIdAsc(orderId).stream().map(VatInvoices::view).toList();
  }

  /**
   * The order's invoices (by parcel) followed by its credit notes (in the order they were issued), as the order's
   * invoice list shows them.
   *
   * @throws NotFoundException for an unknown order
   */
  public List<OrderDocument> documentsOf(String orderId) {
    orders.summary(orderId);
    List<OrderDocument> documents = new ArrayList<>();
    invoices.findByOrderIdOrderByShipmentNo(orderId).forEach(i -> documents.add(new OrderDocument(INVOICE,
        i.invoiceNumber(), i.orderId(), i.orderNumber(), i.shipmentNo(), i.issuedOn(), i.currency(), i.totalNet(),
        i.totalVat(), i.totalGross(), breakdown(i.pricedLines()), null, null,
        "/api/orders/" + orderId + "/invoices/" + i.invoiceNumber() + ".pdf")));
    creditNotes.findByOrderIdOrderByIdAsc(orderId).forEach(c -> documents.add(new OrderDocument(CREDIT_NOTE,
        c.creditNoteNumber(), c.orderId(), c.orderNumber(), c.shipmentNo(), c.issuedOn(), c.currency(), c.totalNet(),
        c.totalVat(), c.totalGross(), breakdown(c.pricedLines()), c.correctedInvoiceNumber(), c.rmaNumber(),
        "/api/orders/" + orderId + "/credit-notes/" + c.creditNoteNumber() + ".pdf")));
    return documents;
  }

  /**
   * The credit note as an A4 PDF.
   *
   * @throws NotFoundException for an unknown order, or a credit note number the order does not have
   */
  public Pdf creditNotePdf(String orderId, String creditNoteNumber) {
    CreditNote note = creditNotes.findByOrderIdAndCreditNoteNumber(orderId, creditNoteNumber)
        .orElseThrow(() -> new NotFoundException("Credit note", creditNoteNumber));
    return new Pdf(note.creditNoteNumber() + ".pdf", VatInvoicePdf.render(note));
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

  private static IssuedCreditNote view(CreditNote note) {
    return new IssuedCreditNote(note.creditNoteNumber(), note.orderId(), note.rmaNumber(),
        note.correctedInvoiceNumber(), note.totalNet(), note.totalVat(), note.totalGross(), note.currency(),
        note.createdAt());
  }

  private static List<RateTotal> breakdown(List<VatCalculation.PricedLine> lines) {
    return VatCalculation.breakdown(lines).stream()
        .map(r -> new RateTotal(r.ratePercent(), r.net(), r.vat(), r.gross())).toList();
  }

  private static IssuedInvoice view(VatInvoice invoice) {
    return new IssuedInvoice(invoice.invoiceNumber(), invoice.orderId(), invoice.orderNumber(), invoice.shipmentNo(),
        invoice.issuedOn(), invoice.currency(), invoice.totalNet(), invoice.totalVat(), invoice.totalGross(),
        VatCalculation.breakdown(invoice.pricedLines()).stream()
            .map(r -> new RateTotal(r.ratePercent(), r.net(), r.vat(), r.gross())).toList());
  }
}
