package io.orderflow.fulfillment.accounting;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CreditNoteSequenceRepository extends JpaRepository<CreditNoteSequence, Integer> {

  /** The year's counter, locked for writing until the transaction ends (select … for update). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from CreditNoteSequence s where s.year = :year")
  Optional<CreditNoteSequence> lockYear(@Param("year") int year);

  /** Creates the year's counter at 0 unless it exists (two callers at once: one row). */
  @Modifying
  @Query(value = "insert ignore into credit_note_sequence (credit_note_year, last_no) values (:year, 0)",
      nativeQuery = true)
  int createYear(@Param("year") int year);
}
