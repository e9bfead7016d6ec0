package io.orderflow.fulfillment.engine;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffTaskRecordRepository extends JpaRepository<StaffTaskRecord, Long> {

  @Query("""
      select t from StaffTaskRecord t
      where (:anyState = true or t.state in :states)
        and (:candidateGroup is null or t.candidateGroups like concat('%,', :candidateGroup, ',%') escape '!')
        and (:assignee is null or t.assignee = :assignee)
        and (:processInstanceKey is null or t.processInstanceKey = :processInstanceKey)
        and (:businessKey is null or t.businessKey = :businessKey)
        and (:dueBefore is null or t.dueDate < :dueBefore)
      order by t.createdAt, t.key""")
  /** {@code candidateGroup} must be escaped with {@link #likeLiteral}. */
  List<StaffTaskRecord> search(@Param("anyState") boolean anyState, @Param("states") List<StaffTaskRecord.State> states,
      @Param("candidateGroup") String candidateGroup, @Param("assignee") String assignee,
      @Param("processInstanceKey") Long processInstanceKey, @Param("businessKey") String businessKey,
      @Param("dueBefore") Instant dueBefore, Limit limit);

  /** {@link #search(boolean, List, String, String, Long, String, Instant, Limit)} with any due date. */
  default List<StaffTaskRecord> search(boolean anyState, List<StaffTaskRecord.State> states, String candidateGroup,
      String assignee, Long processInstanceKey, String businessKey, Limit limit) {
    return search(anyState, states, candidateGroup, assignee, processInstanceKey, businessKey, null, limit);
  }

  /** A value matched literally inside LIKE: its wildcards (and the escape character '!') are escaped. */
  static String likeLiteral(String value) {
    return value == null ? null : value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("""
      update StaffTaskRecord t set t.assignee = :assignee, t.version = t.version + 1
      where t.key = :key and t.state = io.orderflow.fulfillment.engine.StaffTaskRecord.State.CREATED
        and (t.assignee is null or t.assignee = :assignee)""")
  int assignIfOpen(@Param("key") long key, @Param("assignee") String assignee);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("""
      update StaffTaskRecord t set t.assignee = null, t.version = t.version + 1
      where t.key = :key and t.state = io.orderflow.fulfillment.engine.StaffTaskRecord.State.CREATED""")
  int unassignIfOpen(@Param("key") long key);

  /** Exactly one caller moves a task from {@code from} to {@code to}; the others get 0. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("""
      update StaffTaskRecord t set t.state = :to, t.completedAt = :at, t.completedBy = :by, t.version = t.version + 1
      where t.key = :key and t.state = :from""")
  int transition(@Param("key") long key, @Param("from") StaffTaskRecord.State from,
      @Param("to") StaffTaskRecord.State to, @Param("at") Instant at, @Param("by") String by);
}
