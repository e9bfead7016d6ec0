package io.orderflow.fulfillment.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Counting a return parcel's scans against the RMA")
class ScanCountTest {

  static final List<ScanCount.Expected> LINES = List.of(
      new ScanCount.Expected(1, "TSHIRT-ORG-M", List.of(), 2),
      new ScanCount.Expected(2, "MUG-CERAMIC", List.of("8412345678905"), 1));

  @Test
  @DisplayName("matches SKUs in any case and ignores blank lines; what was not scanned is missing")
  void missing() {
    ScanCount.Result r = ScanCount.count(LINES, "tshirt-org-m\n\n  \n");
    assertThat(r.received()).containsEntry(1, 1).containsEntry(2, 0);
    assertThat(r.missing(LINES.get(0))).isEqualTo(1);
    assertThat(r.missing(LINES.get(1))).isEqualTo(1);
    assertThat(r.extras()).isEmpty();
  }

  @Test
  @DisplayName("units beyond the expected quantity and unknown codes are extra items")
  void extraAndOver() {
    ScanCount.Result r = ScanCount.count(LINES,
        "TSHIRT-ORG-M\r\nTSHIRT-ORG-M\nTSHIRT-ORG-M\nHOODIE-ZIP-M\nhoodie-zip-m\n8412345678905");
    assertThat(r.received()).containsEntry(1, 2).containsEntry(2, 1);
    assertThat(r.extras()).isEqualTo(Map.of("TSHIRT-ORG-M", 1, "HOODIE-ZIP-M", 2));
  }

  @Test
  @DisplayName("a line that is not expected (rejected) receives nothing: its scans are extra")
  void rejectedLine() {
    ScanCount.Result r = ScanCount.count(List.of(new ScanCount.Expected(1, "MUG-CERAMIC", List.of(), 0)),
        "MUG-CERAMIC");
    assertThat(r.received()).containsEntry(1, 0);
    assertThat(r.extras()).containsEntry("MUG-CERAMIC", 1);
    assertThat(ScanCount.count(LINES, null).received()).containsEntry(1, 0);
  }
}
