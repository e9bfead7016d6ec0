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

  /** Keeps the scans of a cancelled parcel on record (a repeat finds them there already and copies nothing). */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "insert into cancelled_pick_scan (order_id, shipment_no, sku, unit_no, serial_number, scanned_at, "
      + "picked_at, cancelled_at) select s.order_id, s.shipment_no, s.sku, s.unit_no, s.serial_number, s.scanned_at, "
      + "s.picked_at, :now from pick_scan s where s.order_id = :orderId and s.shipment_no = :shipmentNo "
      + "and not exists (select 1 from cancelled_pick_scan c where c.order_id = s.order_id "
      + "and c.shipment_no = s.shipment_no and c.sku = s.sku and c.unit_no = s.unit_no)", nativeQuery = true)
  int archiveCancelled(@Param("orderId") String orderId, @Param("shipmentNo") int shipmentNo,
      @Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from PickScan s where s.orderId = :orderId and s.shipmentNo = :shipmentNo")
  int deleteParcel(@Param("orderId") String orderId, @Param("shipmentNo") int shipmentNo);
}
