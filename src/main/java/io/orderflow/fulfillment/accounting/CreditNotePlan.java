package io.orderflow.fulfillment.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which invoice lines a return corrects, and by how much. Returned units of a SKU are taken from the order's invoices
 * in parcel order, each invoice line at most down to zero over all returns; a line's last units take what is left of
 * its net and VAT (so all credit notes of a line add up to the line to the cent), other units are priced like an
 * invoice line (gross = units × unit price, net = gross / (1 + rate), both half-up). Refunded shipping is taken from
 * the shipping lines, first of the invoices the goods correct, never more than their gross.
 */
final class CreditNotePlan {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** What was credited of one invoice line so far (positive sums). */
  private static final class Credited {
    int quantity;
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    BigDecimal gross = BigDecimal.ZERO;

    void add(CreditNoteLine.Draft line) {
      quantity -= line.quantity();
      net = net.subtract(line.net());
      vat = vat.subtract(line.vat());
      gross = gross.subtract(line.gross());
    }
  }

  private CreditNotePlan() {}

  /**
   * @param invoices the order's invoices, by parcel
   * @param creditNotesOf the credit notes issued before for an invoice number
   * @return the negative lines per corrected invoice, in parcel order; empty when nothing returned was invoiced
   */
  static Map<VatInvoice, List<CreditNoteLine.Draft>> plan(List<VatInvoice> invoices,
      Function<String, List<CreditNote>> creditNotesOf, Map<String, Integer> returnedBySku, BigDecimal shipping) {
    Map<VatInvoice, Map<Integer, Credited>> credited = new IdentityHashMap<>();
    for (VatInvoice invoice : invoices) {
      Map<Integer, Credited> lines = new HashMap<>();
      for (CreditNote earlier : creditNotesOf.apply(invoice.invoiceNumber())) {
        for (CreditNoteLine line : earlier.lines()) {
          lines.computeIfAbsent(line.invoiceLineNo(), no -> new Credited()).add(new CreditNoteLine.Draft(
              line.invoiceLineNo(), null, "-", line.quantity(), BigDecimal.ZERO, BigDecimal.ZERO, line.net(),
              line.vat(), line.gross()));
        }
      }
      credited.put(invoice, lines);
    }
    Map<VatInvoice, List<CreditNoteLine.Draft>> plan = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> returned : new TreeMap<>(returnedBySku).entrySet()) {
      int remaining = returned.getValue() == null ? 0 : returned.getValue();
      for (VatInvoice invoice : invoices) {
        for (VatCalculation.PricedLine line : invoice.pricedLines()) {
          if (remaining <= 0 || line.sku() == null || !line.sku().equals(returned.getKey())) {
            continue;
          }
          Credited before = credited.get(invoice).computeIfAbsent(line.lineNo(), no -> new Credited());
          int take = Math.min(remaining, line.quantity() - before.quantity);
          if (take <= 0) {
            continue;
          }
          CreditNoteLine.Draft draft = take == line.quantity() - before.quantity ? rest(line, before, -take)
              : priced(line, take);
          before.add(draft);
          plan.computeIfAbsent(invoice, i -> new ArrayList<>()).add(draft);
          remaining -= take;
        }
      }
    }
    Map<VatInvoice, List<CreditNoteLine.Draft>> byParcel = new LinkedHashMap<>();
    invoices.stream().filter(plan::containsKey).forEach(i -> byParcel.put(i, plan.get(i)));
    plan.clear();
    plan.putAll(byParcel);
    BigDecimal shippingLeft = shipping == null ? BigDecimal.ZERO : shipping.setScale(2, RoundingMode.HALF_UP);
    List<VatInvoice> shippingOrder = new ArrayList<>(plan.keySet());
    invoices.stream().filter(i -> !plan.containsKey(i)).forEach(shippingOrder::add);
    for (VatInvoice invoice : shippingOrder) {
      for (VatCalculation.PricedLine line : invoice.pricedLines()) {
        if (shippingLeft.signum() <= 0 || line.sku() != null) {
          continue;
        }
        Credited before = credited.get(invoice).computeIfAbsent(line.lineNo(), no -> new Credited());
        BigDecimal creditable = line.gross().subtract(before.gross);
        BigDecimal take = shippingLeft.min(creditable);
        if (take.signum() <= 0) {
          continue;
        }
        CreditNoteLine.Draft draft;
        if (take.compareTo(creditable) == 0) {
          draft = new CreditNoteLine.Draft(line.lineNo(), null, line.description(), -1, take, line.ratePercent(),
              before.net.subtract(line.net()), before.vat.subtract(line.vat()), take.negate());
        } else {
          BigDecimal net = take.multiply(HUNDRED).divide(HUNDRED.add(line.ratePercent()), 2, RoundingMode.HALF_UP);
          draft = new CreditNoteLine.Draft(line.lineNo(), null, line.description(), -1, take, line.ratePercent(),
              net.negate(), take.subtract(net).negate(), take.negate());
        }
        before.add(draft);
        plan.computeIfAbsent(invoice, i -> new ArrayList<>()).add(draft);
        shippingLeft = shippingLeft.subtract(take);
      }
    }
    Map<VatInvoice, List<CreditNoteLine.Draft>> ordered = new LinkedHashMap<>();
    invoices.stream().filter(plan::containsKey).forEach(i -> ordered.put(i, plan.get(i)));
    return ordered;
  }

  /** The line's last units: what is left of its amounts. */
  private static CreditNoteLine.Draft rest(VatCalculation.PricedLine line, Credited before, int quantity) {
    return new CreditNoteLine.Draft(line.lineNo(), line.sku(), line.description(), quantity, line.unitPriceGross(),
        line.ratePercent(), before.net.subtract(line.net()), before.vat.subtract(line.vat()),
        before.gross.subtract(line.gross()));
  }

  /** Some units of the line, priced as an invoice line would be. */
  private static CreditNoteLine.Draft priced(VatCalculation.PricedLine line, int units) {
    VatCalculation.PricedLine part = VatCalculation.price(line.lineNo(), new VatCalculation.LineInput(line.sku(),
        line.description(), units, line.unitPriceGross(), line.ratePercent()));
    return new CreditNoteLine.Draft(line.lineNo(), line.sku(), line.description(), -units, line.unitPriceGross(),
        line.ratePercent(), part.net().negate(), part.vat().negate(), part.gross().negate());
  }
}
