package io.orderflow.fulfillment.shipping;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When the courier collects a parcel at the warehouse: on the business day (Monday to Friday) before the customer's
 * delivery slot, by the carrier's collection cut-off, in the warehouse's local time. Without a slot, or when that day
 * has already passed, at the next cut-off still ahead.
 */
final class CollectionPlan {

  static final LocalTime DEFAULT_CUTOFF = LocalTime.of(16, 0);

  private CollectionPlan() {}

  static Instant collectionTime(LocalDate slotDate, String cutoff, String warehouseCountry, Instant now) {
    LocalTime by = parseCutoff(cutoff);
    ZoneId zone = zoneOf(warehouseCountry);
    if (slotDate != null) {
      ZonedDateTime beforeSlot = previousBusinessDay(slotDate).atTime(by).atZone(zone);
      if (!beforeSlot.toInstant().isBefore(now)) {
        return beforeSlot.toInstant();
      }
    }
    LocalDate day = now.atZone(zone).toLocalDate();
    while (isWeekend(day) || day.atTime(by).atZone(zone).toInstant().isBefore(now)) {
      day = day.plusDays(1);
    }
    return day.atTime(by).atZone(zone).toInstant();
  }

  static LocalTime parseCutoff(String cutoff) {
    if (cutoff == null || cutoff.isBlank()) {
      return DEFAULT_CUTOFF;
    }
    try {
      return LocalTime.parse(cutoff.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("collection cut-off must be a time of day like 12:00, not " + cutoff, e);
    }
  }

  static ZoneId zoneOf(String country) {
    return switch (country == null ? "" : country) {
      case "ES" -> ZoneId.of("Europe/Madrid");
      case "PL" -> ZoneId.of("Europe/Warsaw");
      case "BG" -> ZoneId.of("Europe/Sofia");
      default -> ZoneId.of("UTC");
    };
  }

  private static LocalDate previousBusinessDay(LocalDate date) {
    LocalDate day = date.minusDays(1);
    while (isWeekend(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
