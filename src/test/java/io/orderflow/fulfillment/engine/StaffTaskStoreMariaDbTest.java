package io.orderflow.fulfillment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.engine.StaffTaskRecord.State;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded runtime's staff_task store on MariaDB: mapping, the candidate-group search and the conditional
 * updates that let exactly one caller claim or complete a task. Methods without their own {@code @Transactional} run
 * in the slice's rolled-back test transaction.
 */
@MariaDbJpaTest
class StaffTaskStoreMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final List<State> ALL = List.of(State.values());
  private static final AtomicLong KEYS = new AtomicLong(2251799813685300L);
  private static final Instant CREATED_AT = Instant.parse("2026-10-05T07:45:12.345678Z");

  @Autowired
  StaffTaskRecordRepository tasks;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TestEntityManager entityManager;

  @Autowired
  PlatformTransactionManager txManager;

  @Test
  void aTaskIsStoredAndReadBackCompletely() {
    String variables = "{\"orderId\":\"o-1\",\"note\":\"" + "x".repeat(100_000) + "\"}"; // > 64 KB: needs mediumtext
    Instant due = Instant.parse("2026-10-06T18:00:00.250000Z");
    long key = nextKey();
    tasks.saveAndFlush(new StaffTaskRecord(key, 2251799813685001L, 2251799813685002L, "order-fulfillment", 3,
        "pick-order", "Pick order", "pick-order-form", List.of("warehouse-madrid", "supervisors"), List.of("alice"),
        null, due, "o-1", variables, CREATED_AT));

    assertThat(jdbc.queryForMap("select candidate_groups, candidate_users, state, version from staff_task where task_key = ?", key))
        .containsEntry("candidate_groups", ",warehouse-madrid,supervisors,").containsEntry("candidate_users", ",alice,")
        .containsEntry("state", "CREATED").containsEntry("version", 0);

    StaffTaskRecord read = reread(key);
    assertThat(read.variables()).isEqualTo(variables);
    assertThat(read.formId()).isEqualTo("pick-order-form");
    StaffTask task = read.toTask();
    assertThat(task.candidateGroups()).containsExactly("warehouse-madrid", "supervisors");
    assertThat(task.candidateUsers()).containsExactly("alice");
    assertThat(task.assignee()).isNull();
    assertThat(task.state()).isEqualTo(StaffTask.State.CREATED);
    assertThat(task.dueDate()).isEqualTo(database.asWritten(due));
    assertThat(task.createdAt()).isEqualTo(database.asWritten(CREATED_AT));
    assertThat(task.processInstanceKey()).isEqualTo(2251799813685001L);
    assertThat(task.businessKey()).isEqualTo("o-1");
  }

  @Test
  void aCandidateGroupMatchesWholeGroupsOnly() {
    long madrid = save(List.of("warehouse-madrid"));
    long madridAndSupervisors = save(List.of("supervisors", "warehouse-madrid"));
    long madridEast = save(List.of("warehouse-madrid-east"));
    long mad = save(List.of("warehouse-mad"));
    long sofia = save(List.of("warehouse-sofia"));
    long nobody = save(List.of());

    assertThat(searchGroup("warehouse-madrid")).containsExactly(madrid, madridAndSupervisors);
    assertThat(searchGroup("warehouse-mad")).containsExactly(mad);
    assertThat(searchGroup("warehouse-madrid-east")).containsExactly(madridEast);
    assertThat(searchGroup("supervisors")).containsExactly(madridAndSupervisors);
    assertThat(searchGroup("warehouse")).isEmpty();
    assertThat(searchGroup("madrid")).isEmpty();
    assertThat(searchGroup(null)).containsExactly(madrid, madridAndSupervisors, madridEast, mad, sofia, nobody);
    // LIKE wildcards in a requested group are literal characters, not patterns
    assertThat(searchGroup("%")).isEmpty();
    assertThat(searchGroup("warehouse_madrid")).isEmpty();
    assertThat(searchGroup("warehouse-%")).isEmpty();
  }

  @Test
  void searchFiltersByStateAssigneeInstanceAndBusinessKeyWithALimit() {
    long open = save(List.of("warehouse-sofia"));
    long completing = save(List.of("warehouse-sofia"));
    long done = save(List.of("warehouse-sofia"));
    assertThat(tasks.transition(completing, State.CREATED, State.COMPLETING, null, null)).isEqualTo(1);
    assertThat(tasks.transition(done, State.CREATED, State.COMPLETED, CREATED_AT, "bob")).isEqualTo(1);
    assertThat(tasks.assignIfOpen(open, "alice")).isEqualTo(1);

    assertThat(keys(tasks.search(false, List.of(State.CREATED, State.COMPLETING), "warehouse-sofia", null, null, null,
        Limit.of(10)))).containsExactly(open, completing);
    assertThat(keys(tasks.search(false, List.of(State.COMPLETED), null, null, null, null, Limit.of(10))))
        .containsExactly(done);
    assertThat(keys(tasks.search(true, ALL, null, "alice", null, null, Limit.of(10)))).containsExactly(open);
    assertThat(keys(tasks.search(true, ALL, "warehouse-sofia", null, null, null, Limit.of(2))))
        .containsExactly(open, completing);
    assertThat(keys(tasks.search(true, ALL, null, null, 2251799813685001L, "order-" + open, Limit.of(10))))
        .containsExactly(open);
    assertThat(tasks.search(true, ALL, null, null, 42L, null, Limit.of(10))).isEmpty();
  }

  @Test
  void onlyTheFirstTransitionOutOfAStateWins() {
    long key = save(List.of("warehouse-warsaw"));

    assertThat(tasks.transition(key, State.CREATED, State.COMPLETING, null, null)).isEqualTo(1);
    assertThat(tasks.transition(key, State.CREATED, State.COMPLETING, null, null)).isZero();
    assertThat(tasks.transition(key, State.CREATED, State.CANCELED, CREATED_AT, null)).isZero();
    assertThat(tasks.transition(key, State.COMPLETING, State.COMPLETED, CREATED_AT.plusSeconds(90), "carol")).isEqualTo(1);

    StaffTask task = reread(key).toTask();
    assertThat(task.state()).isEqualTo(StaffTask.State.COMPLETED);
    assertThat(task.completedBy()).isEqualTo("carol");
    assertThat(task.completedAt()).isEqualTo(database.asWritten(CREATED_AT.plusSeconds(90)));
    assertThat(task.createdAt()).as("created_at is not touched by updates").isEqualTo(database.asWritten(CREATED_AT));
    assertThat(version(key)).isEqualTo(2);
  }

  @Test
  void anOpenTaskCanBeClaimedByOnePersonOnly() {
    long key = save(List.of("warehouse-warsaw"));

    assertThat(tasks.assignIfOpen(key, "alice")).isEqualTo(1);
    assertThat(tasks.assignIfOpen(key, "bob")).as("claimed by alice").isZero();
    assertThat(tasks.assignIfOpen(key, "alice")).as("alice again: idempotent").isEqualTo(1);
    assertThat(reread(key).toTask().assignee()).isEqualTo("alice");

    assertThat(tasks.unassignIfOpen(key)).isEqualTo(1);
    assertThat(tasks.assignIfOpen(key, "bob")).isEqualTo(1);
    assertThat(reread(key).toTask().assignee()).isEqualTo("bob");

    assertThat(tasks.transition(key, State.CREATED, State.COMPLETING, null, null)).isEqualTo(1);
    assertThat(tasks.assignIfOpen(key, "bob")).as("no longer open").isZero();
    assertThat(tasks.unassignIfOpen(key)).as("no longer open").isZero();
    assertThat(version(key)).isEqualTo(5);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void concurrentCompletionsOfOneTaskHaveExactlyOneWinner() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    long key = tx.execute(s -> save(List.of("warehouse-madrid")));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String who = "picker-" + i;
        attempts.add(pool.submit(() -> {
          go.await();
          // as the task port completes a task: a deadlock victim tries again and then loses cleanly
          return EmbeddedStaffTasks.retryingDeadlocks(
              () -> tx.execute(s -> tasks.transition(key, State.CREATED, State.COMPLETING, CREATED_AT, who)));
        }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Integer> attempt : attempts) {
        winners += attempt.get(60, TimeUnit.SECONDS);
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForMap("select state, version from staff_task where task_key = ?", key))
        .containsEntry("state", "COMPLETING").containsEntry("version", 1);
  }

  private long save(List<String> candidateGroups) {
    long key = nextKey();
    tasks.saveAndFlush(new StaffTaskRecord(key, 2251799813685001L, key + 1, "order-fulfillment", 1, "pack-order",
        "Pack order", "pack-order-form", candidateGroups, List.of(), null, null, "order-" + key, "{}", CREATED_AT));
    return key;
  }

  private List<Long> searchGroup(String group) {
    return keys(tasks.search(true, ALL, StaffTaskRecordRepository.likeLiteral(group), null, null, null, Limit.of(100)));
  }

  private static List<Long> keys(List<StaffTaskRecord> records) {
    return records.stream().map(StaffTaskRecord::key).toList();
  }

  /** From the database, not from the persistence context. */
  private StaffTaskRecord reread(long key) {
    entityManager.clear();
    return tasks.findById(key).orElseThrow();
  }

  private int version(long key) {
    return jdbc.queryForObject("select version from staff_task where task_key = ?", Integer.class, key);
  }

  private static long nextKey() {
    return KEYS.getAndAdd(10);
  }
}
