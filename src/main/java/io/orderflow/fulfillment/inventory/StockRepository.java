package io.orderflow.fulfillment.inventory;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StockRepository extends JpaRepository<Stock, Stock.Key> {

  List<Stock> findBySkuIn(Collection<String> skus);

  /** Per SKU the units available (on hand − reserved, never below zero per warehouse) summed over all warehouses. */
  @Query("select s.sku, sum(case when s.onHand > s.reserved then s.onHand - s.reserved else 0 end) from Stock s "
      + "group by s.sku")
  List<Object[]> sumAvailable();

  /** {@link #sumAvailable()} of these SKUs only. */
  @Query("select s.sku, sum(case when s.onHand > s.reserved then s.onHand - s.reserved else 0 end) from Stock s "
      + "where s.sku in :skus group by s.sku")
  List<Object[]> sumAvailable(@Param("skus") Collection<String> skus);

  List<Stock> findByWarehouseIdAndSkuIn(String warehouseId, Collection<String> skus);

  /** Takes {@code quantity} units if that many are available; returns 0 when they are not. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Stock s set s.reserved = s.reserved + :quantity "
      + "where s.sku = :sku and s.warehouseId = :warehouseId and s.onHand - s.reserved >= :quantity")
  int reserveIfAvailable(@Param("sku") String sku, @Param("warehouseId") String warehouseId,
      @Param("quantity") int quantity);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Stock s set s.reserved = s.reserved - :quantity "
      + "where s.sku = :sku and s.warehouseId = :warehouseId and s.reserved >= :quantity")
  int unreserve(@Param("sku") String sku, @Param("warehouseId") String warehouseId, @Param("quantity") int quantity);

  /** Units come back into the building and are on sale again. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Stock s set s.onHand = s.onHand + :quantity where s.sku = :sku and s.warehouseId = :warehouseId")
  int receive(@Param("sku") String sku, @Param("warehouseId") String warehouseId, @Param("quantity") int quantity);

  /**
   * Available units leave the building (sent to another warehouse): on-hand goes down by {@code quantity} only if at
   * least {@code keepAvailable} units stay available (on hand − reserved) after it; returns 0 when they would not.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Stock s set s.onHand = s.onHand - :quantity where s.sku = :sku and s.warehouseId = :warehouseId "
      + "and s.onHand - s.reserved - :quantity >= :keepAvailable")
  int takeOffHandKeeping(@Param("sku") String sku, @Param("warehouseId") String warehouseId,
      @Param("quantity") int quantity, @Param("keepAvailable") int keepAvailable);

  /** Reserved units leave the building: both on-hand and reserved go down. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Stock s set s.reserved = s.reserved - :quantity, s.onHand = s.onHand - :quantity "
      + "where s.sku = :sku and s.warehouseId = :warehouseId and s.reserved >= :quantity and s.onHand >= :quantity")
  int issue(@Param("sku") String sku, @Param("warehouseId") String warehouseId, @Param("quantity") int quantity);

  /** A stock row at zero for a SKU the warehouse never held (returned goods arrive there); none if it exists. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "insert ignore into stock (sku, warehouse_id, on_hand, reserved, bin_location) "
      + "values (:sku, :warehouseId, 0, 0, :binLocation)", nativeQuery = true)
  int createIfAbsent(@Param("sku") String sku, @Param("warehouseId") String warehouseId,
      @Param("binLocation") String binLocation);
}
