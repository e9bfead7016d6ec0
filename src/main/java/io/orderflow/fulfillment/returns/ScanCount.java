package io.orderflow.fulfillment.returns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the warehouse's scans of a return parcel against the RMA: one barcode or SKU per line of text (blank lines
 * ignored), matched to the RMA's lines by SKU in any case, or by another code the catalogue knows for the SKU (an EAN).
 * Each line receives at most what is expected of it; the surplus and codes of no line are extra items.
 */
final class ScanCount {

  /** A line the parcel should hold: its number, SKU, other codes of the SKU, and how many units are expected. */
  record Expected(int lineNo, String sku, List<String> otherCodes, int quantity) {}

  /** Per line the units received (0 when none), and per code (as scanned, first spelling) the unexpected units. */
  record Result(Map<Integer, Integer> received, Map<String, Integer> extras) {

    int missing(Expected line) {
      return line.quantity() - received.getOrDefault(line.lineNo(), 0);
    }
  }

  private ScanCount() {}

  static Result count(List<Expected> lines, String scannedItems) {
    Map<String, Expected> byCode = new LinkedHashMap<>();
    for (Expected line : lines) {
      byCode.putIfAbsent(key(line.sku()), line);
      line.otherCodes().forEach(code -> byCode.putIfAbsent(key(code), line));
    }
    Map<Integer, Integer> received = new LinkedHashMap<>();
    lines.forEach(l -> received.put(l.lineNo(), 0));
    Map<String, Integer> extras = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (String raw : (scannedItems == null ? "" : scannedItems).split("\\R")) {
      String code = raw.strip();
      if (code.isEmpty()) {
        continue;
      }
      Expected line = byCode.get(key(code));
      if (line != null && received.get(line.lineNo()) < line.quantity()) {
        received.merge(line.lineNo(), 1, Integer::sum);
      } else {
        String shown = line != null ? line.sku() : spelling.computeIfAbsent(key(code), k -> code);
        extras.merge(shown, 1, Integer::sum);
      }
    }
    return new Result(received, extras);
  }

  private static String key(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
