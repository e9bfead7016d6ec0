package io.orderflow.fulfillment.cart;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CartRepository extends JpaRepository<Cart, String> {

  @EntityGraph(attributePaths = "lines")
  Optional<Cart> findWithLinesById(String id);
}
