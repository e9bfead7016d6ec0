package io.orderflow.fulfillment.replenishment;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PoSequenceRepository extends JpaRepository<PoSequence, Integer> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from PoSequence s where s.year = :year")
  Optional<PoSequence> lockYear(@Param("year") int year);

  @Modifying
  @Query(value = "insert ignore into po_sequence (po_year, last_no) values (:year, 0)", nativeQuery = true)
  int createYear(@Param("year") int year);
}
