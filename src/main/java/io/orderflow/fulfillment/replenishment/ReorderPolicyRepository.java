package io.orderflow.fulfillment.replenishment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReorderPolicyRepository extends JpaRepository<ReorderPolicy, ReorderPolicy.Key> {

  List<ReorderPolicy> findBySkuOrderByWarehouseId(String sku);

  List<ReorderPolicy> findAllByOrderBySkuAscWarehouseIdAsc();
}
