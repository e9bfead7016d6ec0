package io.orderflow.fulfillment.routing;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostalCodeAreaRepository extends JpaRepository<PostalCodeArea, PostalCodeArea.Key> {}
