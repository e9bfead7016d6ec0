package io.orderflow.fulfillment.order;

import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The delivery slots a customer may choose at checkout: a date (business days only) and a time window. Standard
 * home delivery from the second business day in three windows, express on the next business day in two, pickup
 * points from the second business day for the whole day.
 */
@Service
public class DeliveryOptions {

  public record DeliverySlot(LocalDate date, String window) {}

  static final String ALL_DAY = "ALL_DAY";
  private static final List<String> HOME_WINDOWS = List.of("09:00-13:00", "13:00-17:00", "17:00-21:00");
  private static final List<String> EXPRESS_WINDOWS = List.of("09:00-13:00", "13:00-17:00");

  private final Clock clock;
  private final ZoneId zone;

  DeliveryOptions(Clock clock, @Value("${fulfillment.delivery.zone:Europe/Madrid}") ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  public List<DeliverySlot> offered(DeliveryMethod method) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return switch (method) {
      case STANDARD -> slots(businessDaysAfter(today, 2), 5, HOME_WINDOWS);
      case EXPRESS -> slots(businessDaysAfter(today, 1), 3, EXPRESS_WINDOWS);
      case PICKUP_POINT -> slots(businessDaysAfter(today, 2), 5, List.of(ALL_DAY));
    };
  }

  /** @throws InvalidRequestException naming {@code field} when the slot is not one of those offered now */
  public void requireOffered(DeliveryMethod method, DeliverySlot slot, String field) {
    List<DeliverySlot> offered = offered(method);
    if (!offered.contains(slot)) {
      String dates = offered.stream().map(DeliverySlot::date).distinct().map(LocalDate::toString)
          .collect(Collectors.joining(", "));
      String windows = offered.stream().map(DeliverySlot::window).distinct().collect(Collectors.joining(", "));
      throw new InvalidRequestException(field, "is not an offered " + method + " slot (dates " + dates
          + "; windows " + windows + ")");
    }
  }

  private static List<DeliverySlot> slots(LocalDate first, int days, List<String> windows) {
    List<DeliverySlot> slots = new ArrayList<>();
    LocalDate date = first;
    for (int d = 0; d < days; d++) {
      for (String window : windows) {
        slots.add(new DeliverySlot(date, window));
      }
      date = businessDaysAfter(date, 1);
    }
    return slots;
  }

  static LocalDate businessDaysAfter(LocalDate date, int businessDays) {
    LocalDate result = date;
    int added = 0;
    while (added < businessDays) {
      result = result.plusDays(1);
      if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
        added++;
      }
    }
    return result;
  }
}
