package io.orderflow.fulfillment.shipping;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {

  Optional<Shipment> findByOrderIdAndShipmentNo(String orderId, int shipmentNo);

  Optional<Shipment> findByTrackingNumber(String trackingNumber);

  List<Shipment> findByOrderIdOrderByShipmentNo(String orderId);
}
