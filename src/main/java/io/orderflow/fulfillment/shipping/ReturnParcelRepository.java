package io.orderflow.fulfillment.shipping;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReturnParcelRepository extends JpaRepository<ReturnParcel, Long> {

  Optional<ReturnParcel> findByRmaNumber(String rmaNumber);

  Optional<ReturnParcel> findByTrackingNumber(String trackingNumber);
}
