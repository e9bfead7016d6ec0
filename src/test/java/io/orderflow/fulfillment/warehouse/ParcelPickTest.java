package io.orderflow.fulfillment.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.warehouse.ParcelPick.Line;
import io.orderflow.fulfillment.warehouse.ParcelPick.Outcome;
import io.orderflow.fulfillment.warehouse.ParcelPick.Unit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Picking a parcel by scanning")
class ParcelPickTest {

  private static final Line HEADPHONES = new Line("HEADPHONES-BT", "Wireless headphones", 2, "A-03-1", true);
  private static final Line MAT = new Line("YOGA-MAT", "Yoga mat 6 mm", 1, "F-03-3", false);
  private static final Line HOODIE = new Line("HOODIE-ZIP-M", "Zip hoodie (Size M)", 1, null, false);

  private static ParcelPick pick(Unit... scanned) {
    return new ParcelPick("ORD-1001", 1, List.of(MAT, HOODIE, HEADPHONES), List.of(scanned));
  }

  @Test
  @DisplayName("lists the lines in walking order: by bin, lines without a bin last")
  void walkingOrder() {
    assertThat(pick().lines()).extracting(Line::sku).containsExactly("HEADPHONES-BT", "YOGA-MAT", "HOODIE-ZIP-M");
  }

  @Test
  @DisplayName("a barcode that is not on the pick list is refused, naming it, the parcel and the order")
  void mismatch() {
    assertThatThrownBy(() -> pick().accept("HOODIE-ZIP-L", null)).isInstanceOf(ConflictException.class)
        .hasMessage("Scanned HOODIE-ZIP-L is not on the pick list of parcel 1 of ORD-1001");
  }

  @Test
  @DisplayName("a plain product is counted unit by unit, and one more unit than the line needs is refused")
  void overScan() {
    assertThat(pick().accept(" YOGA-MAT ", "")).isEqualTo(new Outcome.NewUnit(new Unit("YOGA-MAT", 1, null)));
    assertThatThrownBy(() -> pick(new Unit("YOGA-MAT", 1, null)).accept("YOGA-MAT", null))
        .isInstanceOf(ConflictException.class).hasMessageContaining("All 1 unit(s) of YOGA-MAT")
        .hasMessageContaining("already scanned");
  }

  @Test
  @DisplayName("a serialized product needs its serial number, a plain product takes none")
  void serialRules() {
    assertThatThrownBy(() -> pick().accept("HEADPHONES-BT", null)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("serialNumber").hasMessageContaining("is serialized");
    assertThatThrownBy(() -> pick().accept("YOGA-MAT", "SN-1")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("has no serial numbers");
    assertThat(pick(new Unit("HEADPHONES-BT", 1, "SN-1")).accept("HEADPHONES-BT", "SN-2"))
        .isEqualTo(new Outcome.NewUnit(new Unit("HEADPHONES-BT", 2, "SN-2")));
  }

  @Test
  @DisplayName("the same serial scanned again on its line is no second unit, even when the line is full")
  void idempotentRescan() {
    ParcelPick full = pick(new Unit("HEADPHONES-BT", 1, "SN-1"), new Unit("HEADPHONES-BT", 2, "SN-2"));
    assertThat(full.accept("HEADPHONES-BT", "SN-1"))
        .isEqualTo(new Outcome.AlreadyScanned(new Unit("HEADPHONES-BT", 1, "SN-1")));
    assertThatThrownBy(() -> full.accept("HEADPHONES-BT", "SN-3")).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("the pick is complete only when every unit is scanned; until then the missing units are named")
  void completion() {
    ParcelPick partly = pick(new Unit("HEADPHONES-BT", 1, "SN-1"), new Unit("YOGA-MAT", 1, null));
    assertThat(partly.missingUnits()).isEqualTo(2);
    assertThatThrownBy(partly::requireComplete).isInstanceOf(ConflictException.class)
        .hasMessage("2 unit(s) not scanned yet: 1 x HEADPHONES-BT (A-03-1), 1 x HOODIE-ZIP-M (parcel 1 of ORD-1001)");

    ParcelPick done = pick(new Unit("HEADPHONES-BT", 1, "SN-1"), new Unit("HEADPHONES-BT", 2, "SN-2"),
        new Unit("YOGA-MAT", 1, null), new Unit("HOODIE-ZIP-M", 1, null));
    assertThat(done.complete()).isTrue();
    done.requireComplete();
  }
}
