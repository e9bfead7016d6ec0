package io.orderflow.fulfillment.replenishment;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierRepository extends JpaRepository<Supplier, String> {}
