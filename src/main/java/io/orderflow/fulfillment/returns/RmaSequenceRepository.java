package io.orderflow.fulfillment.returns;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RmaSequenceRepository extends JpaRepository<RmaSequence, Integer> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from RmaSequence s where s.year = :year")
  Optional<RmaSequence> lockYear(@Param("year") int year);

  @Modifying
  @Query(value = "insert ignore into rma_sequence (rma_year, last_no) values (:year, 0)", nativeQuery = true)
  int createYear(@Param("year") int year);
}
