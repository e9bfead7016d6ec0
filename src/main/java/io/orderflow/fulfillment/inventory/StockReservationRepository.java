package io.orderflow.fulfillment.inventory;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StockReservationRepository extends JpaRepository<StockReservation, Long> {

  List<StockReservation> findByOrderIdOrderById(String orderId);

  /** Moves one reservation from ACTIVE to {@code to}; 0 when another caller already did. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update StockReservation r set r.status = :to, r.updatedAt = :now where r.id = :id "
      + "and r.status = io.orderflow.fulfillment.inventory.StockReservation.Status.ACTIVE")
  int closeIfActive(@Param("id") Long id, @Param("to") StockReservation.Status to, @Param("now") Instant now);

  /** Moves one issued reservation to RETURNED; 0 when another caller already did. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update StockReservation r set r.status = io.orderflow.fulfillment.inventory.StockReservation.Status.RETURNED, "
      + "r.updatedAt = :now where r.id = :id "
      + "and r.status = io.orderflow.fulfillment.inventory.StockReservation.Status.ISSUED")
  int returnIfIssued(@Param("id") Long id, @Param("now") Instant now);
}
