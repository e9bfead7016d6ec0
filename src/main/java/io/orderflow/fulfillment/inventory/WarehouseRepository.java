package io.orderflow.fulfillment.inventory;

import org.springframework.data.jpa.repository.JpaRepository;

interface WarehouseRepository extends JpaRepository<Warehouse, String> {}
