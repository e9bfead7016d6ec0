package io.orderflow.fulfillment.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The amount a return refunds: the received units at the price paid; plus the shipping of the parcels they came in
 * when the shop was at fault (each parcel's shipping once over all RMAs: the caller passes only the parcels this RMA
 * refunds); minus the return-label fee for a RETURN the shop is not at fault for (CHANGED_MIND, WRONG_SIZE; never for
 * a complaint). Never below zero; nothing received refunds nothing (and charges no fee).
 */
final class RefundCalculation {

  record ReceivedLine(int quantity, BigDecimal unitPrice) {}

  record Amount(BigDecimal goods, BigDecimal shipping, BigDecimal fee, BigDecimal total) {}

  private RefundCalculation() {}

  static Amount of(ReturnKind kind, ReturnReason reason, Collection<ReceivedLine> received,
      Collection<BigDecimal> parcelShippingCosts, BigDecimal labelFee) {
    BigDecimal goods = received.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (goods.signum() == 0) {
      return new Amount(money(BigDecimal.ZERO), money(BigDecimal.ZERO), money(BigDecimal.ZERO), money(BigDecimal.ZERO));
    }
    BigDecimal shipping = reason.shopFault()
        ? parcelShippingCosts.stream().filter(c -> c != null).reduce(BigDecimal.ZERO, BigDecimal::add)
        : BigDecimal.ZERO;
    BigDecimal fee = kind == ReturnKind.RETURN && !reason.shopFault() ? labelFee : BigDecimal.ZERO;
    BigDecimal total = goods.add(shipping).subtract(fee).max(BigDecimal.ZERO);
    return new Amount(money(goods), money(shipping), money(fee), money(total));
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
