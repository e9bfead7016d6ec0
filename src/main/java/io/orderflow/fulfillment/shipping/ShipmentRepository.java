package io.orderflow.fulfillment.shipping;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {

  Optional<Shipment> findByOrderId(String orderId);

  Optional<Shipment> findByTrackingNumber(String trackingNumber);
}
