package io.orderflow.fulfillment.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides which warehouses ship which units of an order, by distance to the delivery address. Pure: it reads nothing
 * and reserves nothing, so the caller reserves what the plan says (and plans again if stock was taken meanwhile).
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Serve as much as all warehouses together can: every unit, or for a SKU short in total, all units in stock.
 *       What cannot be served is reported as {@link RoutingPlan#unavailable()}.</li>
 *   <li>In as few shipments as possible: the nearest warehouse that holds everything when there is one, otherwise the
 *       smallest set of warehouses that together hold it.</li>
 *   <li>Among sets of that size, the smallest sum of distances; then the set whose ids sort first.</li>
 *   <li>Within the chosen set a line comes whole from the nearest warehouse that has all its units; only when none
 *       has, it is split, nearest warehouse first.</li>
 * </ol>
 * The search tries every set of the warehouses that hold at least one ordered SKU, smallest sets first, and stops at
 * the first size that serves everything it can: exact, and quick for the handful of warehouses a business runs (up to
 * {@value #MAX_WAREHOUSES} such warehouses are accepted).
 */
@Component
public class ShipmentPlanner {

  /** Most warehouses holding an ordered SKU the exhaustive search accepts (2^20 sets at worst). */
  public static final int MAX_WAREHOUSES = 20;

  /** A warehouse with its distance to the delivery address. */
  private record Source(CandidateWarehouse warehouse, double distanceKm) {
    String id() { return warehouse.id(); }
    BigDecimal roundedKm() { return km(distanceKm); }
  }

  private static final Comparator<Source> NEAREST_FIRST =
      Comparator.comparingDouble(Source::distanceKm).thenComparing(Source::id);

  /**
   * Plans the shipments of an order.
   *
   * @param wanted units per SKU, in the order's line order (a {@link LinkedHashMap}); every quantity positive
   * @param destination where the parcel goes
   * @param warehouses every warehouse that may ship, with what it has available; ids unique
   */
  public RoutingPlan plan(Map<String, Integer> wanted, GeoPoint destination, Collection<CandidateWarehouse> warehouses) {
    validate(wanted, destination, warehouses);
    List<Source> all = warehouses.stream()
        .map(w -> new Source(w, w.location().distanceKmTo(destination)))
        .sorted(NEAREST_FIRST)
        .toList();
    List<Source> holdingSomething = all.stream()
        .filter(s -> wanted.keySet().stream().anyMatch(sku -> s.warehouse().availableOf(sku) > 0))
        .toList();
    if (holdingSomething.size() > MAX_WAREHOUSES) {
      throw new IllegalArgumentException(holdingSomething.size() + " warehouses hold ordered SKUs; the planner tries "
          + "every combination and accepts at most " + MAX_WAREHOUSES);
    }

    Map<String, Integer> servable = new LinkedHashMap<>();
    Map<String, Integer> unavailable = new LinkedHashMap<>();
    wanted.forEach((sku, quantity) -> {
      int inStock = holdingSomething.stream().mapToInt(s -> s.warehouse().availableOf(sku)).sum();
      servable.put(sku, Math.min(quantity, inStock));
      if (inStock < quantity) {
        unavailable.put(sku, quantity - inStock);
      }
    });

    List<Source> chosen = fewestNearestCovering(holdingSomething, servable);
    List<PlannedShipment> shipments = allocate(chosen, servable);
    String reason = reason(all, chosen, shipments, wanted, unavailable);
    return new RoutingPlan(shipments, unavailable, reason);
  }

  /**
   * The smallest set of warehouses that together hold every servable unit; among those the smallest sum of distances,
   * then the first by ids. Sorted nearest first.
   */
  private static List<Source> fewestNearestCovering(List<Source> sources, Map<String, Integer> servable) {
    List<String> skus = servable.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    if (skus.isEmpty()) {
      return List.of();
    }
    int n = sources.size();
    int[][] available = new int[n][skus.size()];
    for (int w = 0; w < n; w++) {
      for (int s = 0; s < skus.size(); s++) {
        available[w][s] = sources.get(w).warehouse().availableOf(skus.get(s));
      }
    }
    int[] needed = skus.stream().mapToInt(servable::get).toArray();

    for (int size = 1; size <= n; size++) {
      int[] best = null;
      double bestKm = Double.MAX_VALUE;
      int[] set = new int[size];
      for (int i = 0; i < size; i++) {
        set[i] = i;
      }
      do {
        if (covers(set, available, needed)) {
          double km = 0;
          for (int w : set) {
            km += sources.get(w).distanceKm();
          }
          if (best == null || km < bestKm || km == bestKm && idsFirst(set, best, sources)) {
            best = set.clone();
            bestKm = km;
          }
        }
      } while (nextCombination(set, n));
      if (best != null) {
        List<Source> chosen = new ArrayList<>();
        for (int w : best) {
          chosen.add(sources.get(w));
        }
        chosen.sort(NEAREST_FIRST);
        return chosen;
      }
    }
    // Unreachable: all sources together hold every servable unit by definition.
    throw new IllegalStateException("no set of warehouses covers the servable units");
  }

  private static boolean covers(int[] set, int[][] available, int[] needed) {
    for (int s = 0; s < needed.length; s++) {
      int total = 0;
      for (int w : set) {
        total += available[w][s];
      }
      if (total < needed[s]) {
        return false;
      }
    }
    return true;
  }

  /** Advances {@code set} (ascending indices below {@code n}) to the next combination; false after the last. */
  private static boolean nextCombination(int[] set, int n) {
    int k = set.length;
    int i = k - 1;
    while (i >= 0 && set[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    set[i]++;
    for (int j = i + 1; j < k; j++) {
      set[j] = set[j - 1] + 1;
    }
    return true;
  }

  /** Whether {@code set}'s ids, sorted, come before {@code other}'s. */
  private static boolean idsFirst(int[] set, int[] other, List<Source> sources) {
    List<String> a = sortedIds(set, sources);
    List<String> b = sortedIds(other, sources);
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c < 0;
      }
    }
    return false;
  }

  private static List<String> sortedIds(int[] set, List<Source> sources) {
    List<String> ids = new ArrayList<>();
    for (int w : set) {
      ids.add(sources.get(w).id());
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  /**
   * Assigns the servable units to the chosen warehouses (nearest first): a line whole from the nearest warehouse that
   * has all of it, otherwise split nearest first.
   */
  private static List<PlannedShipment> allocate(List<Source> chosen, Map<String, Integer> servable) {
    Map<Source, LinkedHashMap<String, Integer>> lines = new LinkedHashMap<>();
    chosen.forEach(s -> lines.put(s, new LinkedHashMap<>()));
    servable.forEach((sku, quantity) -> {
      if (quantity == 0) {
        return;
      }
      Source whole = chosen.stream().filter(s -> s.warehouse().availableOf(sku) >= quantity).findFirst().orElse(null);
      if (whole != null) {
        lines.get(whole).put(sku, quantity);
        return;
      }
      int remaining = quantity;
      for (Source s : chosen) {
        int take = Math.min(remaining, s.warehouse().availableOf(sku));
        if (take > 0) {
          lines.get(s).put(sku, take);
          remaining -= take;
        }
        if (remaining == 0) {
          break;
        }
      }
    });
    return lines.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> new PlannedShipment(e.getKey().id(), e.getKey().roundedKm(), e.getValue()))
        .toList();
  }

  private static String reason(List<Source> all, List<Source> chosen, List<PlannedShipment> shipments,
      Map<String, Integer> wanted, Map<String, Integer> unavailable) {
    boolean complete = unavailable.isEmpty();
    String everything = complete ? "every line" : "everything in stock";
    String decision;
    if (shipments.isEmpty()) {
      decision = "No warehouse holds any of the ordered lines";
    } else if (shipments.size() == 1) {
      Source only = chosen.get(0);
      decision = only.warehouse().name() + " is the nearest warehouse that holds " + everything + " ("
          + only.roundedKm() + " km)";
      List<Source> nearer = all.stream().filter(s -> NEAREST_FIRST.compare(s, only) < 0).toList();
      if (!nearer.isEmpty()) {
        decision += "; nearer but short of some lines: " + nearer.stream()
            .map(s -> s.warehouse().name() + " (" + s.roundedKm() + " km)").collect(Collectors.joining(", "));
      }
    } else {
      Map<String, Source> byId = chosen.stream().collect(Collectors.toMap(Source::id, s -> s));
      BigDecimal totalKm = km(chosen.stream().mapToDouble(Source::distanceKm).sum());
      decision = "No single warehouse holds " + everything + ": " + shipments.size()
          + " shipments, the fewest possible, and of those the shortest total distance (" + totalKm + " km): "
          + shipments.stream()
              .map(p -> byId.get(p.warehouseId()).warehouse().name() + ", " + p.distanceKm() + " km ("
                  + p.lines().entrySet().stream().map(l -> l.getValue() + " x " + l.getKey())
                      .collect(Collectors.joining(", ")) + ")")
              .collect(Collectors.joining("; "));
    }
    if (complete) {
      return decision;
    }
    return decision + ". Missing in all warehouses together: " + unavailable.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + " of " + wanted.get(e.getKey()) + " ordered)")
        .collect(Collectors.joining(", "));
  }

  private static BigDecimal km(double distanceKm) {
    return BigDecimal.valueOf(distanceKm).setScale(1, RoundingMode.HALF_UP);
  }

  private static void validate(Map<String, Integer> wanted, GeoPoint destination,
      Collection<CandidateWarehouse> warehouses) {
    Objects.requireNonNull(destination, "destination");
    if (wanted == null || wanted.isEmpty()) {
      throw new IllegalArgumentException("nothing to plan: no ordered lines");
    }
    wanted.forEach((sku, quantity) -> {
      if (sku == null || sku.isBlank() || quantity == null || quantity <= 0) {
        throw new IllegalArgumentException("every line needs a SKU and a positive quantity, got " + sku + " x " + quantity);
      }
    });
    Set<String> ids = new HashSet<>();
    for (CandidateWarehouse w : Objects.requireNonNull(warehouses, "warehouses")) {
      if (!ids.add(w.id())) {
        throw new IllegalArgumentException("warehouse " + w.id() + " is listed twice");
      }
    }
  }
}
