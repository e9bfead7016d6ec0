package io.orderflow.fulfillment.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface PickScanRepository extends JpaRepository<PickScan, Long> {

  List<PickScan> findByOrderIdAndShipmentNoOrderById(String orderId, int shipmentNo);

  Optional<PickScan> findBySkuAndSerialNumber(String sku, String serialNumber);

  List<PickScan> findByOrderIdAndPickedAtIsNotNullAndSerialNumberIsNotNullOrderByShipmentNoAscSkuAscUnitNoAsc(
      String orderId);

  /** The parcel's pick was completed: its scans become the order's picked units (a repeat changes nothing). */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update PickScan s set s.pickedAt = :now where s.orderId = :orderId and s.shipmentNo = :shipmentNo "
      + "and s.pickedAt is null")
  int markPicked(@Param("orderId") String orderId, @Param("shipmentNo") int shipmentNo, @Param("now") Instant now);
}
