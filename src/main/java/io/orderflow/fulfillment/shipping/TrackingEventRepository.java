package io.orderflow.fulfillment.shipping;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrackingEventRepository extends JpaRepository<TrackingEvent, Long> {

  Optional<TrackingEvent> findByEventId(String eventId);

  List<TrackingEvent> findByTrackingNumberOrderByOccurredAtAscIdAsc(String trackingNumber);

  List<TrackingEvent> findByTrackingNumberInOrderByOccurredAtAscIdAsc(Collection<String> trackingNumbers);
}
