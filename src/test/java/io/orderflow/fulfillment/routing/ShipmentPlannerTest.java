package io.orderflow.fulfillment.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Planning which warehouses ship an order")
class ShipmentPlannerTest {

  // The demo warehouses (db/demo) and delivery addresses at the coordinates migration V3 gives their postal codes.
  static final GeoPoint MADRID = new GeoPoint(40.4168, -3.7038);
  static final GeoPoint WARSAW = new GeoPoint(52.2297, 21.0122);
  static final GeoPoint SOFIA = new GeoPoint(42.6977, 23.3219);
  static final GeoPoint VALENCIA = new GeoPoint(39.4699, -0.3763);
  static final GeoPoint KRAKOW = new GeoPoint(50.0647, 19.9450);
  static final GeoPoint PLOVDIV = new GeoPoint(42.1354, 24.7453);

  final ShipmentPlanner planner = new ShipmentPlanner();

  static CandidateWarehouse madrid(Map<String, Integer> stock) {
    return new CandidateWarehouse("madrid", "Madrid central warehouse", MADRID, stock);
  }

  static CandidateWarehouse warsaw(Map<String, Integer> stock) {
    return new CandidateWarehouse("warsaw", "Warsaw warehouse", WARSAW, stock);
  }

  static CandidateWarehouse sofia(Map<String, Integer> stock) {
    return new CandidateWarehouse("sofia", "Sofia warehouse", SOFIA, stock);
  }

  /** An order's lines in line order: "SKU", quantity, "SKU", quantity … */
  static LinkedHashMap<String, Integer> order(Object... skuAndQuantity) {
    LinkedHashMap<String, Integer> lines = new LinkedHashMap<>();
    for (int i = 0; i < skuAndQuantity.length; i += 2) {
      lines.put((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]);
    }
    return lines;
  }

  static Map<String, Integer> stock(Object... skuAndQuantity) {
    return order(skuAndQuantity);
  }

  @Nested
  @DisplayName("When one warehouse can ship everything")
  class OneShipment {

    @ParameterizedTest(name = "{0} ships from {3} ({4} km)")
    @CsvSource({
        // delivery address, latitude, longitude, warehouse, km,    warehouse name
        "Valencia,           39.4699,  -0.3763,   madrid,    302.6, Madrid central warehouse",
        "Kraków,             50.0647,  19.9450,   warsaw,    252.0, Warsaw warehouse",
        "Plovdiv,            42.1354,  24.7453,   sofia,     132.5, Sofia warehouse",
    })
    @DisplayName("the order ships whole from the nearest warehouse when every warehouse holds the goods")
    void nearestWarehouse(String city, double latitude, double longitude, String warehouse, BigDecimal km,
        String name) {
      // given
      Map<String, Integer> everything = stock("TSHIRT-ORG-M", 10, "MUG-CERAMIC", 10);
      List<CandidateWarehouse> warehouses = List.of(madrid(everything), warsaw(everything), sofia(everything));

      // when
      RoutingPlan plan = planner.plan(order("TSHIRT-ORG-M", 2, "MUG-CERAMIC", 1), new GeoPoint(latitude, longitude),
          warehouses);

      // then
      assertThat(plan.shipments()).singleElement().satisfies(s -> {
        assertThat(s.warehouseId()).isEqualTo(warehouse);
        assertThat(s.distanceKm()).isEqualTo(km);
        assertThat(s.lines()).containsExactly(entry("TSHIRT-ORG-M", 2), entry("MUG-CERAMIC", 1));
      });
      assertThat(plan.unavailable()).isEmpty();
      assertThat(plan.isComplete()).isTrue();
      assertThat(plan.isSplit()).isFalse();
      assertThat(plan.reason()).isEqualTo(name + " is the nearest warehouse that holds every line (" + km + " km)");
    }

    @Test
    @DisplayName("a nearer warehouse short of a line is passed over for the next nearest that holds every line")
    void nearestShortOfALine() {
      // given: Madrid, nearest to Valencia, has one hoodie of the two ordered; Sofia is nearer than Warsaw
      Map<String, Integer> everything = stock("TSHIRT-ORG-M", 10, "HOODIE-ZIP-L", 10);
      List<CandidateWarehouse> warehouses = List.of(
          madrid(stock("TSHIRT-ORG-M", 10, "HOODIE-ZIP-L", 1)), warsaw(everything), sofia(everything));

      // when
      RoutingPlan plan = planner.plan(order("TSHIRT-ORG-M", 1, "HOODIE-ZIP-L", 2), VALENCIA, warehouses);

      // then
      assertThat(plan.shipments()).singleElement().satisfies(s -> {
        assertThat(s.warehouseId()).isEqualTo("sofia");
        assertThat(s.distanceKm()).isEqualByComparingTo("2011.5");
        assertThat(s.lines()).containsExactly(entry("TSHIRT-ORG-M", 1), entry("HOODIE-ZIP-L", 2));
      });
      assertThat(plan.reason()).isEqualTo("Sofia warehouse is the nearest warehouse that holds every line (2011.5 km); "
          + "nearer but short of some lines: Madrid central warehouse (302.6 km)");
    }

    @Test
    @DisplayName("one parcel from a far warehouse beats two parcels from nearer ones")
    void fewestShipmentsBeforeDistance() {
      // given: for Kraków, Warsaw (252 km) + Sofia (859 km) together are nearer than Madrid (2126 km) alone
      List<CandidateWarehouse> warehouses = List.of(
          madrid(stock("TSHIRT-ORG-M", 5, "PRINT-LIMITED", 1)),
          warsaw(stock("TSHIRT-ORG-M", 5)),
          sofia(stock("PRINT-LIMITED", 1)));

      // when
      RoutingPlan plan = planner.plan(order("TSHIRT-ORG-M", 1, "PRINT-LIMITED", 1), KRAKOW, warehouses);

      // then
      assertThat(plan.shipments()).extracting(PlannedShipment::warehouseId).containsExactly("madrid");
      assertThat(plan.shipments().get(0).distanceKm()).isEqualByComparingTo("2126.5");
    }

    @Test
    @DisplayName("between two equally near warehouses the one whose id sorts first is chosen, whatever the input order")
    void tiesByWarehouseId() {
      // given
      Map<String, Integer> everything = stock("MUG-CERAMIC", 3);
      List<CandidateWarehouse> warehouses = new ArrayList<>(List.of(
          new CandidateWarehouse("sofia-b", SOFIA, everything),
          new CandidateWarehouse("sofia-a", SOFIA, everything),
          warsaw(everything)));

      // when
      RoutingPlan plan = planner.plan(order("MUG-CERAMIC", 1), PLOVDIV, warehouses);
      Collections.reverse(warehouses);
      RoutingPlan reversed = planner.plan(order("MUG-CERAMIC", 1), PLOVDIV, warehouses);

      // then
      assertThat(plan.shipments()).extracting(PlannedShipment::warehouseId).containsExactly("sofia-a");
      assertThat(reversed).isEqualTo(plan);
    }
  }

  @Nested
  @DisplayName("When no single warehouse holds every line")
  class Split {

    @Test
    @DisplayName("the order is split into two shipments with the right lines, from the pair with the shortest total distance")
    void splitIntoTheCheaperPair() {
      // given: only Warsaw has the T-shirts; the print is in Sofia and in Madrid; mugs are in Warsaw and Sofia
      List<CandidateWarehouse> warehouses = List.of(
          madrid(stock("PRINT-LIMITED", 1)),
          warsaw(stock("TSHIRT-ORG-M", 5, "MUG-CERAMIC", 5)),
          sofia(stock("PRINT-LIMITED", 1, "MUG-CERAMIC", 5)));

      // when
      RoutingPlan plan = planner.plan(order("TSHIRT-ORG-M", 2, "PRINT-LIMITED", 1, "MUG-CERAMIC", 1), KRAKOW,
          warehouses);

      // then: Warsaw + Sofia (1110.9 km) rather than Warsaw + Madrid (2378.4 km); the mug comes with the T-shirts
      assertThat(plan.shipments()).hasSize(2);
      assertThat(plan.shipments().get(0)).satisfies(s -> {
        assertThat(s.warehouseId()).isEqualTo("warsaw");
        assertThat(s.distanceKm()).isEqualByComparingTo("252.0");
        assertThat(s.lines()).containsExactly(entry("TSHIRT-ORG-M", 2), entry("MUG-CERAMIC", 1));
      });
      assertThat(plan.shipments().get(1)).satisfies(s -> {
        assertThat(s.warehouseId()).isEqualTo("sofia");
        assertThat(s.distanceKm()).isEqualByComparingTo("858.9");
        assertThat(s.lines()).containsExactly(entry("PRINT-LIMITED", 1));
      });
      assertThat(plan.isComplete()).isTrue();
      assertThat(plan.isSplit()).isTrue();
      assertThat(plan.reason()).isEqualTo("No single warehouse holds every line: 2 shipments, the fewest possible, "
          + "and of those the shortest total distance (1110.9 km): Warsaw warehouse, 252.0 km "
          + "(2 x TSHIRT-ORG-M, 1 x MUG-CERAMIC); Sofia warehouse, 858.9 km (1 x PRINT-LIMITED)");
    }

    @Test
    @DisplayName("a line is split only when none of the chosen warehouses has all its units, nearest first")
    void splitALineOnlyWhenNeeded() {
      // given: ten T-shirts need both warehouses; three mugs are all in Sofia, only two in Warsaw
      List<CandidateWarehouse> warehouses = List.of(
          madrid(stock()),
          warsaw(stock("TSHIRT-ORG-M", 6, "MUG-CERAMIC", 2)),
          sofia(stock("TSHIRT-ORG-M", 6, "MUG-CERAMIC", 5)));

      // when
      RoutingPlan plan = planner.plan(order("TSHIRT-ORG-M", 10, "MUG-CERAMIC", 3), KRAKOW, warehouses);

      // then
      assertThat(plan.shipments()).extracting(PlannedShipment::warehouseId, PlannedShipment::lines)
          .containsExactly(
              tuple("warsaw", Map.of("TSHIRT-ORG-M", 6)),
              tuple("sofia", Map.of("TSHIRT-ORG-M", 4, "MUG-CERAMIC", 3)));
    }

    @Test
    @DisplayName("the fewest shipments win over taking every line from the nearest warehouse that has it")
    void fewestShipmentsNotNearestPerLine() {
      // given: along the equator, 111 km apart; the three nearest each hold one line, the fourth two of them
      GeoPoint customer = new GeoPoint(0, 0);
      List<CandidateWarehouse> warehouses = List.of(
          new CandidateWarehouse("w1", new GeoPoint(0, 1), stock("A", 1)),
          new CandidateWarehouse("w2", new GeoPoint(0, 2), stock("B", 1)),
          new CandidateWarehouse("w3", new GeoPoint(0, 3), stock("C", 1)),
          new CandidateWarehouse("w4", new GeoPoint(0, 4), stock("B", 1, "C", 1)));

      // when
      RoutingPlan plan = planner.plan(order("A", 1, "B", 1, "C", 1), customer, warehouses);

      // then
      assertThat(plan.shipments()).extracting(PlannedShipment::warehouseId, PlannedShipment::lines)
          .containsExactly(
              tuple("w1", Map.of("A", 1)),
              tuple("w4", Map.of("B", 1, "C", 1)));
    }
  }

  @Nested
  @DisplayName("When all warehouses together have too little")
  class Shortage {

    @Test
    @DisplayName("what is in stock is planned and the rest is reported as unavailable")
    void unavailableQuantities() {
      // given: three signed prints ordered, one in Madrid and one in Warsaw; gift wrap is nowhere
      List<CandidateWarehouse> warehouses = List.of(
          madrid(stock("PRINT-LIMITED", 1, "MUG-CERAMIC", 4)),
          warsaw(stock("PRINT-LIMITED", 1)),
          sofia(stock("MUG-CERAMIC", 4)));

      // when
      RoutingPlan plan = planner.plan(order("PRINT-LIMITED", 3, "MUG-CERAMIC", 1, "GIFT-WRAP", 2), VALENCIA,
          warehouses);

      // then
      assertThat(plan.shipments()).extracting(PlannedShipment::warehouseId, PlannedShipment::lines)
          .containsExactly(
              tuple("madrid", Map.of("PRINT-LIMITED", 1, "MUG-CERAMIC", 1)),
              tuple("warsaw", Map.of("PRINT-LIMITED", 1)));
      assertThat(plan.unavailable()).containsExactly(entry("PRINT-LIMITED", 1), entry("GIFT-WRAP", 2));
      assertThat(plan.isComplete()).isFalse();
      assertThat(plan.reason())
          .startsWith("No single warehouse holds everything in stock: 2 shipments")
          .endsWith(". Missing in all warehouses together: PRINT-LIMITED (1 of 3 ordered), GIFT-WRAP (2 of 2 ordered)");
    }

    @Test
    @DisplayName("when one warehouse holds everything that is in stock, it ships alone")
    void shortageFromOneWarehouse() {
      // given: the only signed print is in Madrid
      List<CandidateWarehouse> warehouses = List.of(
          madrid(stock("PRINT-LIMITED", 1)), warsaw(stock()), sofia(stock("MUG-CERAMIC", 3)));

      // when
      RoutingPlan plan = planner.plan(order("PRINT-LIMITED", 2), PLOVDIV, warehouses);

      // then
      assertThat(plan.shipments()).singleElement().satisfies(s -> {
        assertThat(s.warehouseId()).isEqualTo("madrid");
        assertThat(s.lines()).containsExactly(entry("PRINT-LIMITED", 1));
      });
      assertThat(plan.unavailable()).containsExactly(entry("PRINT-LIMITED", 1));
      assertThat(plan.reason()).isEqualTo("Madrid central warehouse is the nearest warehouse that holds everything in "
          + "stock (2374.1 km); nearer but short of some lines: Sofia warehouse (132.5 km), Warsaw warehouse "
          + "(1156.9 km). Missing in all warehouses together: PRINT-LIMITED (1 of 2 ordered)");
    }

    @Test
    @DisplayName("when nothing ordered is in stock anywhere, there is no shipment and every line is unavailable")
    void nothingInStock() {
      // given
      List<CandidateWarehouse> warehouses = List.of(madrid(stock("MUG-CERAMIC", 3)), warsaw(stock()));

      // when
      RoutingPlan plan = planner.plan(order("PRINT-LIMITED", 1, "GIFT-WRAP", 2), VALENCIA, warehouses);

      // then
      assertThat(plan.shipments()).isEmpty();
      assertThat(plan.unavailable()).containsExactly(entry("PRINT-LIMITED", 1), entry("GIFT-WRAP", 2));
      assertThat(plan.reason()).isEqualTo("No warehouse holds any of the ordered lines. Missing in all warehouses "
          + "together: PRINT-LIMITED (1 of 1 ordered), GIFT-WRAP (2 of 2 ordered)");
    }
  }

  @Test
  @DisplayName("With ten warehouses the plan is the best one an exhaustive check of every set of warehouses finds")
  void matchesAnExhaustiveCheck() {
    Random random = new Random(20250301);
    List<String> skus = List.of("A", "B", "C", "D", "E");
    for (int round = 0; round < 300; round++) {
      // given: ten warehouses around central Europe with sparse, small stock, and an order of two to five lines
      List<CandidateWarehouse> warehouses = new ArrayList<>();
      for (int w = 0; w < 10; w++) {
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (String sku : skus) {
          if (random.nextInt(3) == 0) {
            stock.put(sku, 1 + random.nextInt(3));
          }
        }
        warehouses.add(new CandidateWarehouse("w" + w,
            new GeoPoint(40 + random.nextDouble() * 15, -5 + random.nextDouble() * 30), stock));
      }
      LinkedHashMap<String, Integer> order = new LinkedHashMap<>();
      for (String sku : skus.subList(0, 2 + random.nextInt(4))) {
        order.put(sku, 1 + random.nextInt(4));
      }
      GeoPoint customer = new GeoPoint(40 + random.nextDouble() * 15, -5 + random.nextDouble() * 30);

      // when
      RoutingPlan plan = planner.plan(order, customer, warehouses);

      // then
      Best best = exhaustiveBest(order, customer, warehouses);
      String context = "round " + round + ": " + plan;
      Map<String, Integer> served = new LinkedHashMap<>();
      plan.shipments().forEach(s -> s.lines().forEach((sku, q) -> served.merge(sku, q, Integer::sum)));
      order.forEach((sku, quantity) -> assertThat(served.getOrDefault(sku, 0) + plan.unavailable().getOrDefault(sku, 0))
          .as(context).isEqualTo(quantity));
      assertThat(served.values().stream().mapToInt(Integer::intValue).sum()).as(context).isEqualTo(best.served());
      assertThat(plan.shipments()).as(context).hasSize(best.shipments());
      assertThat(plan.shipments().stream().mapToDouble(s -> byId(warehouses, s.warehouseId()).location()
          .distanceKmTo(customer)).sum()).as(context).isCloseTo(best.km(), within(1e-6));
      plan.shipments().forEach(s -> s.lines().forEach((sku, q) -> assertThat(q).as(context)
          .isPositive().isLessThanOrEqualTo(byId(warehouses, s.warehouseId()).available().getOrDefault(sku, 0))));
    }
  }

  record Best(int served, int shipments, double km) {}

  /** Independent oracle: every subset of warehouses, most units served, then fewest warehouses, then least distance. */
  static Best exhaustiveBest(Map<String, Integer> order, GeoPoint customer, List<CandidateWarehouse> warehouses) {
    Best best = null;
    for (int mask = 0; mask < 1 << warehouses.size(); mask++) {
      int m = mask;
      List<CandidateWarehouse> set = IntStream.range(0, warehouses.size()).filter(i -> (m & 1 << i) != 0)
          .mapToObj(warehouses::get).toList();
      int served = order.entrySet().stream().mapToInt(line -> Math.min(line.getValue(),
          set.stream().mapToInt(w -> w.available().getOrDefault(line.getKey(), 0)).sum())).sum();
      double km = set.stream().mapToDouble(w -> w.location().distanceKmTo(customer)).sum();
      Best candidate = new Best(served, set.size(), km);
      if (best == null || candidate.served() > best.served()
          || candidate.served() == best.served() && (candidate.shipments() < best.shipments()
              || candidate.shipments() == best.shipments() && candidate.km() < best.km())) {
        best = candidate;
      }
    }
    return best;
  }

  static CandidateWarehouse byId(List<CandidateWarehouse> warehouses, String id) {
    return warehouses.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("An order without lines, a quantity below one or a warehouse listed twice is refused")
  void refusesNonsense() {
    // given
    List<CandidateWarehouse> twice = List.of(madrid(stock("A", 1)), madrid(stock("B", 1)));

    // when / then
    assertThatThrownBy(() -> planner.plan(order(), VALENCIA, List.of(madrid(stock()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ordered lines");
    assertThatThrownBy(() -> planner.plan(order("A", 0), VALENCIA, List.of(madrid(stock()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive quantity");
    assertThatThrownBy(() -> planner.plan(order("A", 1), VALENCIA, twice))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("madrid is listed twice");
    assertThatThrownBy(() -> madrid(stock("A", -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 units of A");
  }

  @Test
  @DisplayName("More warehouses holding the goods than the exhaustive search accepts are refused, not searched for ever")
  void refusesTooManyWarehouses() {
    // given
    List<CandidateWarehouse> many = IntStream.rangeClosed(1, ShipmentPlanner.MAX_WAREHOUSES + 1)
        .mapToObj(i -> new CandidateWarehouse("w" + i, new GeoPoint(0, i), stock("A", 1))).toList();
    List<CandidateWarehouse> manyButEmpty = IntStream.rangeClosed(1, 30)
        .mapToObj(i -> new CandidateWarehouse("e" + i, new GeoPoint(0, i), stock("B", 1))).collect(Collectors.toList());
    manyButEmpty.add(new CandidateWarehouse("has-a", new GeoPoint(1, 1), stock("A", 1)));

    // when / then
    assertThatThrownBy(() -> planner.plan(order("A", 1), new GeoPoint(0, 0), many))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + ShipmentPlanner.MAX_WAREHOUSES);
    assertThat(planner.plan(order("A", 1), new GeoPoint(0, 0), manyButEmpty).shipments())
        .as("warehouses without any ordered SKU do not count").extracting(PlannedShipment::warehouseId)
        .containsExactly("has-a");
  }
}
