package io.orderflow.fulfillment.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks a staff member's submission against the real forms in {@code forms/} (the ones deployed with the process). */
@DisplayName("A task form")
class FormSchemaTest {

  private static final FormSchema PICK_ORDER = load("forms/pick-order.form");
  private static final FormSchema PACK_ORDER = load("forms/pack-order.form");

  private static FormSchema load(String file) {
    try {
      return FormSchema.parse(new ObjectMapper().readTree(Path.of(file).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A map that accepts null values, unlike Map.of. */
  private static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The pack form's checks, with the parcel's dimensions filled in where a test is about other fields. */
  private static List<FieldProblem> packValidate(Map<String, Object> submitted) {
    Map<String, Object> withDimensions = new java.util.LinkedHashMap<>(Map.of("lengthCm", 30, "widthCm", 20,
        "heightCm", 10));
    withDimensions.putAll(submitted);
    return PACK_ORDER.validate(withDimensions);
  }

  private static Map<String, Object> validPacking() {
    return values("packageType", "MEDIUM_BOX", "parcelWeightKg", new BigDecimal("2.350"), "lengthCm", 30, "widthCm", 20,
        "heightCm", 10);
  }

  @Nested
  @DisplayName("\"Pick order\"")
  class PickOrder {

    @Test
    @DisplayName("asks only for the confirmation and the notes; the heading text is not a field")
    void fields() {
      assertThat(PICK_ORDER.fieldKeys()).containsExactly("allLinesPicked", "pickNotes");
    }

    @Test
    @DisplayName("is complete when the picker confirms every line was picked, notes left out")
    void confirmed() {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("allLinesPicked", true));

      // then
      assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("accepts notes for the packer")
    void withNotes() {
      // when
      List<FieldProblem> problems =
          PICK_ORDER.validate(values("allLinesPicked", true, "pickNotes", "Bin A-03 was short, took from A-04"));

      // then
      assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("is refused while the confirmation box is not ticked")
    void notTicked() {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("allLinesPicked", false));

      // then
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("allLinesPicked");
        assertThat(p.message()).isEqualTo("is required (All lines picked and checked)");
      });
    }

    @Test
    @DisplayName("is refused without the confirmation")
    void confirmationMissing() {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("pickNotes", "all fine"));

      // then
      assertThat(problems).extracting(FieldProblem::field).containsExactly("allLinesPicked");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"true", "yes", "1"})
    @DisplayName("refuses a confirmation that is text instead of true/false")
    void confirmationAsText(String text) {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("allLinesPicked", text));

      // then
      assertThat(problems).extracting(FieldProblem::field, FieldProblem::message)
          .containsExactly(tuple("allLinesPicked", "must be true or false"));
    }

    @Test
    @DisplayName("refuses notes that are not text")
    void notesNotText() {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("allLinesPicked", true, "pickNotes", 42));

      // then
      assertThat(problems).extracting(FieldProblem::field, FieldProblem::message)
          .containsExactly(tuple("pickNotes", "must be text"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"orderId", "orderNumber", "warehouseCode", "cancellationReason", "packageType"})
    @DisplayName("cannot overwrite a process variable that is not on the form")
    void foreignKey(String key) {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("allLinesPicked", true, key, "hijacked"));

      // then
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo(key);
        assertThat(p.message()).startsWith("is not a field of this task's form")
            .contains("allLinesPicked", "pickNotes");
      });
    }

    @Test
    @DisplayName("refuses a foreign key even when its value is null")
    void foreignKeyWithNull() {
      // when
      List<FieldProblem> problems = PICK_ORDER.validate(values("allLinesPicked", true, "orderId", null));

      // then
      assertThat(problems).extracting(FieldProblem::field).containsExactly("orderId");
    }
  }

  @Nested
  @DisplayName("\"Pack order\"")
  class PackOrder {

    @Test
    @DisplayName("asks for the package type, the weight and notes; the heading text is not a field")
    void fields() {
      assertThat(PACK_ORDER.fieldKeys()).containsExactly("packageType", "parcelWeightKg", "lengthCm", "widthCm", "heightCm",
          "packingVideoUrl", "packNotes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMALL_BOX", "MEDIUM_BOX", "LARGE_BOX", "ENVELOPE"})
    @DisplayName("accepts each package type offered in the list")
    void offeredPackageType(String packageType) {
      // when
      List<FieldProblem> problems =
          packValidate(values("packageType", packageType, "parcelWeightKg", 1.2, "lengthCm", 30, "widthCm", 20, "heightCm", 10));

      // then
      assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"PALLET", "small_box", "Small box"})
    @DisplayName("refuses a package type that is not in the list")
    void unknownPackageType(String packageType) {
      // when
      List<FieldProblem> problems =
          packValidate(values("packageType", packageType, "parcelWeightKg", 1.2, "lengthCm", 30, "widthCm", 20, "heightCm", 10));

      // then
      assertThat(problems).extracting(FieldProblem::field, FieldProblem::message)
          .containsExactly(tuple("packageType", "must be one of ENVELOPE, LARGE_BOX, MEDIUM_BOX, SMALL_BOX"));
    }

    @ParameterizedTest(name = "{0} kg → {1}")
    @CsvSource(delimiter = '|', textBlock = """
        0.01    | accepted
        2.5     | accepted
        ' 2.5 ' | accepted
        70      | accepted
        70.000  | accepted
        0.009   | must be at least 0.01
        0       | must be at least 0.01
        -1      | must be at least 0.01
        70.001  | must be at most 70
        1e3     | must be at most 70
        heavy   | must be a number
        2,5     | must be a number
        NaN     | must be a number
        """)
    @DisplayName("takes a parcel weight between 0.01 and 70 kg")
    void weightTypedAsText(String weight, String expected) {
      // given
      Map<String, Object> submitted = values("packageType", "SMALL_BOX", "parcelWeightKg", weight);

      // when
      List<FieldProblem> problems = packValidate(submitted);

      // then
      if (expected.equals("accepted")) {
        assertThat(problems).isEmpty();
      } else {
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::message)
            .containsExactly(tuple("parcelWeightKg", expected));
      }
    }

    @Test
    @DisplayName("takes a weight submitted as a JSON number")
    void weightAsNumber() {
      assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", 70, "lengthCm", 30, "widthCm", 20, "heightCm", 10))).isEmpty();
      assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", 0.5d, "lengthCm", 30, "widthCm", 20, "heightCm", 10))).isEmpty();
      assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", 70.5d, "lengthCm", 30, "widthCm", 20, "heightCm", 10)))
          .extracting(FieldProblem::message).containsExactly("must be at most 70");
      assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", Double.NaN, "lengthCm", 30, "widthCm", 20, "heightCm", 10)))
          .extracting(FieldProblem::message).containsExactly("must be a number");
      assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", true, "lengthCm", 30, "widthCm", 20, "heightCm", 10)))
          .extracting(FieldProblem::message).containsExactly("must be a number");
    }

    @Test
    @DisplayName("leaves the packing notes optional")
    void notesOptional() {
      // when
      List<FieldProblem> withoutNotes = packValidate(validPacking());
      Map<String, Object> blankNotes = validPacking();
      blankNotes.put("packNotes", "  ");
      Map<String, Object> withNotes = validPacking();
      withNotes.put("packNotes", "Fragile: mug inside");

      // then
      assertThat(withoutNotes).isEmpty();
      assertThat(packValidate(blankNotes)).isEmpty();
      assertThat(packValidate(withNotes)).isEmpty();
    }

    @Test
    @DisplayName("with nothing filled in names both required fields")
    void empty() {
      // when
      List<FieldProblem> problems = packValidate(Map.of());

      // then
      assertThat(problems).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
          tuple("packageType", "is required (Package type)"),
          tuple("parcelWeightKg", "is required (Parcel weight (kg))"));
    }

    @Test
    @DisplayName("treats a blank choice as missing")
    void blankValues() {
      // when
      List<FieldProblem> problems = packValidate(values("packageType", "", "parcelWeightKg", " ", "lengthCm", 30, "widthCm", 20, "heightCm", 10));

      // then
      assertThat(problems).extracting(FieldProblem::field).containsExactly("packageType", "parcelWeightKg");
    }

    @Test
    @DisplayName("lists every problem of a submission at once")
    void everyProblem() {
      // given
      Map<String, Object> submitted = values("packageType", "PALLET", "parcelWeightKg", "80", "orderId", "other-order",
          "trackingNumber", "SX000000005ES");

      // when
      List<FieldProblem> problems = packValidate(submitted);

      // then
      assertThat(problems).extracting(FieldProblem::field)
          .containsExactlyInAnyOrder("orderId", "trackingNumber", "packageType", "parcelWeightKg");
    }
  }

  @Test
  @DisplayName("a text field with a pattern refuses a value that does not match it (the packing video must be an https link)")
  void patternIsChecked() {
    assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", 1.2, "lengthCm", 30,
        "widthCm", 20, "heightCm", 10, "packingVideoUrl", "ftp://videos/1.mp4")))
        .extracting(FieldProblem::field).containsExactly("packingVideoUrl");
    assertThat(packValidate(values("packageType", "SMALL_BOX", "parcelWeightKg", 1.2, "lengthCm", 30,
        "widthCm", 20, "heightCm", 10, "packingVideoUrl", "https://videos.example/1.mp4"))).isEmpty();
  }

  @Nested
  @DisplayName("with a dynamic list (inspect-return: one entry per line of the RMA)")
  class DynamicList {

    private static final FormSchema INSPECT_RETURN = load("forms/inspect-return.form");

    private Map<String, Object> line(Object condition) {
      return values("lineNo", 1, "sku", "TSHIRT-ORG-M", "productName", "Organic cotton T-shirt", "expectedQuantity", 2,
          "condition", condition, "notes", "tag cut off");
    }

    @Test
    @DisplayName("accepts the entries back with their read-only values and the staff's condition and notes")
    void acceptsEntries() {
      assertThat(INSPECT_RETURN.fieldKeys()).containsExactly("scannedItems", "inspectedLines");
      assertThat(INSPECT_RETURN.validate(values("scannedItems", "TSHIRT-ORG-M\nTSHIRT-ORG-M", "inspectedLines",
          List.of(line("OPENED"), line(null))))).isEmpty();
    }

    @Test
    @DisplayName("names the entry and field of a value the list does not allow")
    void namesTheEntry() {
      assertThat(INSPECT_RETURN.validate(values("inspectedLines", List.of(line("AS_NEW"), line("BROKEN")))))
          .extracting(FieldProblem::field, FieldProblem::message)
          .containsExactly(tuple("inspectedLines[1].condition",
              "must be one of AS_NEW, DAMAGED, DEFECTIVE, OPENED, USED"));
    }

    @Test
    @DisplayName("refuses keys the entries do not have and a list that is not a list")
    void refusesOtherShapes() {
      Map<String, Object> sneaky = line("AS_NEW");
      sneaky.put("refundAmount", 1000);
      assertThat(INSPECT_RETURN.validate(values("inspectedLines", List.of(sneaky))))
          .extracting(FieldProblem::field).containsExactly("inspectedLines[0].refundAmount");
      assertThat(INSPECT_RETURN.validate(values("inspectedLines", "all fine")))
          .extracting(FieldProblem::field, FieldProblem::message)
          .containsExactly(tuple("inspectedLines", "must be a list of entries"));
      assertThat(INSPECT_RETURN.validate(values("inspectedLines", List.of("TSHIRT-ORG-M"))))
          .extracting(FieldProblem::field).containsExactly("inspectedLines[0]");
    }
  }
}
