package io.orderflow.fulfillment.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The refund of a return")
class RefundCalculationTest {

  @ParameterizedTest(name = "{0} {1}: {2} x 19.90 + parcels {3} → goods {4}, shipping {5}, fee {6}, total {7}")
  @CsvSource({
      // kind, reason, received units, parcel shipping costs, goods, shipping, fee, total
      "RETURN,    CHANGED_MIND, 2, 5.00,      39.80, 0.00,  3.95, 35.85",
      "RETURN,    WRONG_SIZE,   1, 5.00,      19.90, 0.00,  3.95, 15.95",
      "RETURN,    DAMAGED,      1, 5.00,      19.90, 5.00,  0.00, 24.90",
      "COMPLAINT, DEFECTIVE,    2, 5.00;4.50, 39.80, 9.50,  0.00, 49.30",
      "COMPLAINT, WRONG_ITEM,   1, '',        19.90, 0.00,  0.00, 19.90",
      "RETURN,    CHANGED_MIND, 0, 5.00,      0.00,  0.00,  0.00, 0.00",
  })
  void amounts(ReturnKind kind, ReturnReason reason, int units, String parcels, String goods, String shipping,
      String fee, String total) {
    List<BigDecimal> costs = parcels == null || parcels.isBlank() ? List.of()
        : java.util.Arrays.stream(parcels.split(";")).map(BigDecimal::new).toList();
    RefundCalculation.Amount a = RefundCalculation.of(kind, reason,
        List.of(new RefundCalculation.ReceivedLine(units, new BigDecimal("19.90"))), costs, new BigDecimal("3.95"));
    assertThat(a.goods()).isEqualByComparingTo(goods);
    assertThat(a.shipping()).isEqualByComparingTo(shipping);
    assertThat(a.fee()).isEqualByComparingTo(fee);
    assertThat(a.total()).isEqualByComparingTo(total);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("a fee larger than the goods refunds nothing, never a negative amount")
  void neverNegative() {
    RefundCalculation.Amount a = RefundCalculation.of(ReturnKind.RETURN, ReturnReason.CHANGED_MIND,
        List.of(new RefundCalculation.ReceivedLine(1, new BigDecimal("2.50"))), List.of(), new BigDecimal("3.95"));
    assertThat(a.total()).isEqualByComparingTo("0.00");
  }
}
