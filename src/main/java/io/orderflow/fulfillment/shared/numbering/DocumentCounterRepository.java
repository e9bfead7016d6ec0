package io.orderflow.fulfillment.shared.numbering;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentCounterRepository extends JpaRepository<DocumentCounter, DocumentCounter.Key> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from DocumentCounter c where c.key.series = :series and c.key.year = :year")
  Optional<DocumentCounter> lock(@Param("series") String series, @Param("year") int year);

  @Query("select count(c) > 0 from DocumentCounter c where c.key.series = :series and c.key.year = :year")
  boolean exists(@Param("series") String series, @Param("year") int year);

  @Modifying
  @Query(value = "insert ignore into document_counter (series, counter_year, last_no) values (:series, :year, 0)",
      nativeQuery = true)
  int create(@Param("series") String series, @Param("year") int year);
}
