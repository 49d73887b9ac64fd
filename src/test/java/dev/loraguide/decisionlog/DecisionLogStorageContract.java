package dev.loraguide.decisionlog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.loraguide.experiment.ExperimentLedger.MetricSummary;
import dev.loraguide.experiment.ExperimentLedger.VariantExposure;
import dev.loraguide.experiment.OutcomeStore.Result;
import dev.loraguide.recommend.RecommendationMade;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * What the decision log must do on any database it supports, run against each by a
 * subclass. Every test works on fresh ids and experiment names, so the tests of one class
 * share a database.
 */
abstract class DecisionLogStorageContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SimpleMeterRegistry meters;

	private DecisionQueue queue;

	private DecisionLogWriter writer;

	private JdbcTemplate jdbc;

	private JdbcOutcomeStore outcomes;

	private JdbcExperimentLedger ledger;

	private DecisionLogHealthIndicator health;

	private DecisionLogRetention retention;

	/** The database under test, migrated by Flyway with the service's migrations. */
	abstract DataSource dataSource();

	/** A new database of the same kind, with no tables yet. */
	abstract DataSource emptyDataSource();

	@BeforeEach
	void assemble() {
		assemble(properties(Durability.ASYNC, 10_000));
	}

	/**
	 * The default acknowledge timeout, since a busy machine can take over a second for a
	 * first commit; a shutdown timeout of a few seconds, since a test that leaves the
	 * database down would otherwise wait out the 30 s default when the writer stops.
	 */
	private static DecisionLogProperties properties(Durability durability, int queueCapacity) {
		return properties(durability, queueCapacity, Duration.ofSeconds(3));
	}

	private static DecisionLogProperties properties(Durability durability, int queueCapacity,
			Duration shutdownTimeout) {
		return new DecisionLogProperties(durability, queueCapacity, 500, Duration.ZERO, Duration.ofMillis(10),
				Duration.ofSeconds(5), Duration.ofSeconds(7), Duration.ofSeconds(10), shutdownTimeout,
				Duration.ofDays(3), Duration.ofHours(1), 100);
	}

	private void assemble(DecisionLogProperties properties) {
		assemble(properties, dataSource());
	}

	private void assemble(DecisionLogProperties properties, DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.meters = new SimpleMeterRegistry();
		this.jdbc = new JdbcTemplate(dataSource);
		Exposures exposures = new Exposures(this.jdbc);
		OutcomeTotals totals = new OutcomeTotals(this.jdbc);
		DecisionLogRepository repository = new DecisionLogRepository(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), exposures);
		this.queue = new DecisionQueue(properties, this.meters);
		this.writer = new DecisionLogWriter(this.queue, repository, JSON, properties, this.meters);
		this.outcomes = new JdbcOutcomeStore(this.queue, repository, this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), totals, properties);
		this.health = new DecisionLogHealthIndicator(this.queue, this.writer, properties);
		this.retention = new DecisionLogRetention(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), exposures, totals, properties,
				this.meters);
		this.ledger = new JdbcExperimentLedger(this.jdbc);
	}

	@AfterEach
	void stopWriter() {
		if (this.writer.isRunning()) {
			this.writer.stop();
		}
	}

	@Test
	void rowHoldsRequestGuideRevisionExperimentAndAnswer() {
		String experiment = "exp-" + UUID.randomUUID();
		RecommendationMade made = Decisions.enrolled("actor-1", experiment, "legacy");
		this.writer.start();
		this.queue.record(made);
		awaitRows(List.of(made));
		Map<String, Object> columns = lowerCaseKeys(this.jdbc.queryForMap(
				"select actor_id, guide_id, guide_revision, experiment_id, variant, forced_variant, request_json, answer_json"
						+ " from decision_log where recommendation_id = ?",
				made.response().recommendationId()));
		assertThat(columns).containsEntry("actor_id", "actor-1")
			.containsEntry("guide_id", "flux-lora")
			.containsEntry("guide_revision", "6345a164f738ed32")
			.containsEntry("experiment_id", experiment)
			.containsEntry("variant", "legacy")
			.containsEntry("forced_variant", false);
		assertThat(JSON.readTree((String) columns.get("request_json"))).isEqualTo(JSON.valueToTree(made.request()));
		assertThat(JSON.readTree((String) columns.get("answer_json"))).isEqualTo(JSON.valueToTree(made.response()));
		assertThat(this.jdbc
			.queryForObject("select made_at from decision_log where recommendation_id = ?", OffsetDateTime.class,
					made.response().recommendationId())
			.toInstant()).isEqualTo(made.madeAt());
	}

	@Test
	void cleanShutdownWritesEverythingStillQueued() {
		// The default shutdown timeout: writing 2,000 rows is what this test measures,
		// and a
		// busy machine may take more than a few seconds for it.
		assemble(properties(Durability.ASYNC, 10_000, Duration.ofSeconds(30)));
		String experiment = "exp-" + UUID.randomUUID();
		for (int i = 0; i < 2_000; i++) {
			this.queue.record(Decisions.enrolled("actor-" + i, experiment, "control"));
		}
		this.writer.start();
		this.writer.stop();
		assertThat(rowsOf(experiment)).isEqualTo(2_000);
		assertThat(this.meters.get("lora.decisionlog.written").counter().count()).isEqualTo(2_000);
		assertThat(this.meters.get("lora.decisionlog.queue.depth").gauge().value()).isZero();
		assertThat(this.meters.get("lora.decisionlog.dropped").counter().count()).isZero();
	}

	@Test
	void aFullQueueDropsAndCountsTheDecisionThatDidNotFit() {
		assemble(properties(Durability.ASYNC, 1));
		RecommendationMade fits = Decisions.notEnrolled("actor-1");
		RecommendationMade dropped = Decisions.notEnrolled("actor-2");
		this.queue.record(fits);
		this.queue.record(dropped);
		assertThat(this.meters.get("lora.decisionlog.dropped").counter().count()).isEqualTo(1);
		this.writer.start();
		awaitRows(List.of(fits));
		assertThat(this.outcomes.record(dropped.response().recommendationId(), "identityScore", 0.5))
			.isEqualTo(Result.NOT_RECORDED);
	}

	@Test
	void anOutageDelaysDecisionsButLosesNone() {
		FlakyDataSource flaky = new FlakyDataSource(dataSource());
		assemble(properties(Durability.ASYNC, 10_000), flaky);
		String experiment = "exp-" + UUID.randomUUID();
		flaky.down = true;
		this.writer.start();
		for (int i = 0; i < 5; i++) {
			this.queue.record(Decisions.enrolled("actor-" + i, experiment, "control"));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> flaky.refused.get() >= 2);
		flaky.down = false;
		await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(experiment) == 5);
		assertThat(this.meters.get("lora.decisionlog.dropped").counter().count()).isZero();
	}

	@Test
	void acknowledgedDecisionCompletesOnlyOnceItsRowIsCommitted() throws Exception {
		assemble(properties(Durability.ACKNOWLEDGED, 10_000));
		RecommendationMade made = Decisions.notEnrolled("actor-1");
		CompletableFuture<Void> committed = this.queue.record(made);
		CompletableFuture<Integer> rowsWhenReleased = committed.thenApply((done) -> rowsOf(List.of(made)));
		assertThat(committed).isNotDone();
		this.writer.start();
		assertThat(rowsWhenReleased.get(30, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void acknowledgedDecisionsWaitingTogetherShareOneCommit() throws Exception {
		assemble(properties(Durability.ACKNOWLEDGED, 10_000));
		List<CompletableFuture<Void>> waiting = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			waiting.add(this.queue.record(Decisions.notEnrolled("actor-" + i)));
		}
		this.writer.start();
		CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		assertThat(this.meters.get("lora.decisionlog.batch.size").summary().count()).isEqualTo(1);
		assertThat(this.meters.get("lora.decisionlog.batch.size").summary().totalAmount()).isEqualTo(200);
	}

	@Test
	void acknowledgedDecisionIsRefusedWithRetryAfterWhileTheDatabaseIsDown() {
		FlakyDataSource flaky = new FlakyDataSource(dataSource());
		assemble(properties(Durability.ACKNOWLEDGED, 10_000), flaky);
		flaky.down = true;
		this.writer.start();
		CompletableFuture<Void> committed = this.queue.record(Decisions.notEnrolled("actor-1"));
		assertThatThrownBy(() -> committed.get(10, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(DecisionLogUnavailableException.class, (refusal) -> {
				assertThat(refusal.status().value()).isEqualTo(503);
				assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(7));
			});
		assertThat(this.meters.get("lora.decisionlog.refused").counter().count()).isEqualTo(1);
	}

	@Test
	void acknowledgedDecisionIsRefusedAtOnceWhenTheQueueIsFull() {
		assemble(properties(Durability.ACKNOWLEDGED, 1));
		this.queue.record(Decisions.notEnrolled("actor-1"));
		assertThat(this.queue.record(Decisions.notEnrolled("actor-2"))).isCompletedExceptionally();
	}

	@Test
	void healthGoesDownWithTheDatabaseAndComesBackWithIt() {
		FlakyDataSource flaky = new FlakyDataSource(dataSource());
		assemble(properties(Durability.ACKNOWLEDGED, 10_000), flaky);
		this.writer.start();
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);
		flaky.down = true;
		this.queue.record(Decisions.notEnrolled("actor-1"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.health.health(true).getStatus().equals(Status.DOWN));
		flaky.down = false;
		await().atMost(Duration.ofSeconds(30)).until(() -> this.health.health(true).getStatus().equals(Status.UP));
	}

	@Test
	void retentionDeletesOldDecisionsWithTheirOutcomesAndKeepsRecentOnes() {
		RecommendationMade old = written(Decisions.notEnrolled("actor-old"));
		List<RecommendationMade> recent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recent.add(recent(Decisions.notEnrolled("actor-" + i)));
		}
		writeAll(recent.toArray(RecommendationMade[]::new));
		this.outcomes.record(old.response().recommendationId(), "identityScore", 0.5);
		this.outcomes.record(recent.get(0).response().recommendationId(), "identityScore", 0.5);

		assertThat(this.retention.pass()).isPositive();

		assertThat(rowsOf(List.of(old))).isZero();
		assertThat(rowsOf(recent)).isEqualTo(5);
		assertThat(this.jdbc.queryForObject("select count(*) from outcome where recommendation_id = ?", Integer.class,
				old.response().recommendationId()))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from outcome where recommendation_id = ?", Integer.class,
				recent.get(0).response().recommendationId()))
			.isEqualTo(1);
	}

	@Test
	void anOutcomeIsCreatedThenReplaced() {
		RecommendationMade made = written(Decisions.notEnrolled("actor-1"));
		UUID id = made.response().recommendationId();
		assertThat(this.outcomes.record(id, "identityScore", 0.87)).isEqualTo(Result.CREATED);
		assertThat(this.outcomes.record(id, "identityScore", 0.91)).isEqualTo(Result.REPLACED);
		assertThat(this.outcomes.record(id, "steps", 1800)).isEqualTo(Result.CREATED);
		assertThat(this.jdbc
			.queryForList("select metric, metric_value from outcome where recommendation_id = ? order by metric", id)
			.stream()
			.map(DecisionLogStorageContract::lowerCaseKeys)
			.toList()).containsExactly(Map.of("metric", "identityScore", "metric_value", 0.91),
					Map.of("metric", "steps", "metric_value", 1800.0));
	}

	@Test
	void anOutcomeForARecommendationNeverMadeIsRefused() {
		assertThat(this.outcomes.record(UUID.randomUUID(), "identityScore", 0.87))
			.isEqualTo(Result.UNKNOWN_RECOMMENDATION);
	}

	@Test
	void anOutcomePostedBeforeItsDecisionIsWrittenWaitsForIt() throws Exception {
		RecommendationMade made = Decisions.notEnrolled("actor-1");
		this.queue.record(made);
		CompletableFuture<Result> outcome = CompletableFuture
			.supplyAsync(() -> this.outcomes.record(made.response().recommendationId(), "identityScore", 0.87));
		this.writer.start();
		assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Result.CREATED);
	}

	@Test
	void concurrentFirstPostsOfOneMetricLeaveOneRow() throws Exception {
		UUID id = written(Decisions.notEnrolled("actor-1")).response().recommendationId();
		List<CompletableFuture<Result>> posts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			double value = i;
			posts.add(CompletableFuture.supplyAsync(() -> this.outcomes.record(id, "identityScore", value)));
		}
		List<Result> results = new ArrayList<>();
		for (CompletableFuture<Result> post : posts) {
			results.add(post.get(30, TimeUnit.SECONDS));
		}
		assertThat(results).containsOnlyOnce(Result.CREATED);
		assertThat(
				this.jdbc.queryForObject("select count(*) from outcome where recommendation_id = ?", Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void exposuresCountDistinctActorsPerVariantAndLeaveForcedActorsOut() {
		String experiment = "exp-" + UUID.randomUUID();
		writeAll(Decisions.enrolled("actor-1", experiment, "control"),
				Decisions.enrolled("actor-1", experiment, "control"),
				Decisions.enrolled("actor-2", experiment, "control"),
				Decisions.enrolled("actor-3", experiment, "legacy"), Decisions.forced("qa-actor", experiment, "legacy"),
				Decisions.notEnrolled("actor-4"));
		assertThat(this.ledger.exposures(experiment)).containsExactlyInAnyOrder(new VariantExposure("control", 2, 3),
				new VariantExposure("legacy", 1, 1));
	}

	@Test
	void retentionTakesDeletedDecisionsOutOfTheResults() {
		String experiment = "exp-" + UUID.randomUUID();
		RecommendationMade oldOfActor1 = Decisions.enrolled("actor-1", experiment, "control");
		RecommendationMade oldOfActor2 = Decisions.enrolled("actor-2", experiment, "control");
		writeAll(oldOfActor1, oldOfActor2, recent(Decisions.enrolled("actor-1", experiment, "control")),
				recent(Decisions.enrolled("actor-3", experiment, "legacy")));
		this.outcomes.record(oldOfActor1.response().recommendationId(), "identityScore", 0.5);

		this.retention.pass();

		assertThat(this.ledger.exposures(experiment)).containsExactlyInAnyOrder(new VariantExposure("control", 1, 1),
				new VariantExposure("legacy", 1, 1));
		assertThat(this.ledger.outcomes(experiment)).isEmpty();
	}

	@Test
	void resultsAgreeWithTheDecisionLogAfterWritesOutcomesAndRetention() {
		String experiment = "exp-" + UUID.randomUUID();
		List<RecommendationMade> made = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			RecommendationMade decision = (i % 7 == 0) ? Decisions.forced("qa-" + (i % 3), experiment, "legacy")
					: Decisions.enrolled("actor-" + (i % 40), experiment, (i % 40 < 25) ? "control" : "legacy");
			made.add((i % 3 == 0) ? decision : recent(decision));
		}
		writeAll(made.toArray(RecommendationMade[]::new));
		for (int i = 0; i < made.size(); i += 2) {
			this.outcomes.record(made.get(i).response().recommendationId(), "identityScore", (i % 17) / 10.0);
		}
		this.outcomes.record(made.get(4).response().recommendationId(), "identityScore", 1.7);

		this.retention.pass();

		assertThat(this.ledger.exposures(experiment)).containsExactlyInAnyOrderElementsOf(this.jdbc.query("""
				select variant, count(distinct actor_id) as actors, count(*) as recommendations from decision_log
				where experiment_id = ? and forced_variant = false group by variant""",
				(row, i) -> new VariantExposure(row.getString("variant"), row.getLong("actors"),
						row.getLong("recommendations")),
				experiment));
		// The sums may add up in another order: the same to the last few bits.
		assertThat(this.ledger.outcomes(experiment)).usingRecursiveFieldByFieldElementComparator(
				RecursiveComparisonConfiguration.builder().withComparatorForType(closeTo(1e-12), Double.class).build())
			.containsExactlyInAnyOrderElementsOf(this.jdbc
				.query("""
						select d.variant, o.metric, count(*) as n, avg(o.metric_value) as mean, var_samp(o.metric_value) as v
						from outcome o join decision_log d on d.recommendation_id = o.recommendation_id
						where d.experiment_id = ? and d.forced_variant = false group by d.variant, o.metric""",
						(row, i) -> new MetricSummary(row.getString("variant"), row.getString("metric"),
								row.getLong("n"), row.getDouble("mean"), row.getObject("v", Double.class)),
						experiment));
	}

	@Test
	void outcomeTotalsEqualAFreshSumOfTheOutcomesAfterWritesAReplacementAndRetention() {
		String experiment = "exp-" + UUID.randomUUID();
		List<RecommendationMade> made = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			RecommendationMade decision = (i % 11 == 0) ? Decisions.forced("qa-actor", experiment, "legacy")
					: Decisions.enrolled("actor-" + i, experiment, (i % 2 == 0) ? "control" : "legacy");
			made.add((i % 3 == 0) ? decision : recent(decision));
		}
		writeAll(made.toArray(RecommendationMade[]::new));
		for (int i = 0; i < made.size(); i++) {
			UUID id = made.get(i).response().recommendationId();
			this.outcomes.record(id, "identityScore", 1e6 + i * 0.1 + 0.30000000000000004);
			if (i % 4 == 0) {
				this.outcomes.record(id, "steps", 1800 + i);
			}
		}
		assertThat(totals(experiment)).isNotEmpty().isEqualTo(freshTotals(experiment));

		assertThat(this.outcomes.record(made.get(4).response().recommendationId(), "identityScore", -2.5e-7))
			.isEqualTo(Result.REPLACED);
		assertThat(totals(experiment)).isEqualTo(freshTotals(experiment));

		assertThat(this.retention.pass()).isPositive();
		assertThat(totals(experiment)).isNotEmpty().isEqualTo(freshTotals(experiment));
	}

	@Test
	void concurrentPostsToOneTotalKeepItExact() throws Exception {
		String experiment = "exp-" + UUID.randomUUID();
		List<RecommendationMade> made = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			made.add(Decisions.enrolled("actor-" + i, experiment, "control"));
		}
		writeAll(made.toArray(RecommendationMade[]::new));
		ExecutorService posters = Executors.newFixedThreadPool(8);
		try {
			List<Future<Result>> posts = new ArrayList<>();
			for (int i = 0; i < 48; i++) {
				UUID id = made.get(i % made.size()).response().recommendationId();
				double value = 0.5 + i * 0.01;
				posts.add(posters.submit(() -> this.outcomes.record(id, "identityScore", value)));
			}
			for (Future<Result> post : posts) {
				post.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			posters.shutdownNow();
		}
		assertThat(totals(experiment)).singleElement().extracting(Total::outcomes).isEqualTo(12L);
		assertThat(totals(experiment)).isEqualTo(freshTotals(experiment));
	}

	@Test
	void theVarianceOfValuesFarFromZeroLosesNothingToCancellation() {
		String experiment = "exp-" + UUID.randomUUID();
		postOutcomes(experiment, "control", false, 1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3);
		MetricSummary summary = this.ledger.outcomes(experiment).get(0);
		assertThat(summary.mean()).isEqualTo(1e9 + 0.2);
		// Sample variance of the three doubles as stored, to the last bit of a double.
		assertThat(summary.variance()).isCloseTo(0.01, within(1e-12));
	}

	@Test
	void twoWritersSharingTheDatabaseCountEveryDecisionOfTheSameActors() throws Exception {
		String experiment = "exp-" + UUID.randomUUID();
		DecisionLogProperties properties = properties(Durability.ACKNOWLEDGED, 10_000);
		DecisionQueue otherQueue = new DecisionQueue(properties, new SimpleMeterRegistry());
		DecisionLogWriter other = new DecisionLogWriter(otherQueue, new DecisionLogRepository(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource())), new Exposures(this.jdbc)),
				JSON, properties, new SimpleMeterRegistry());
		assemble(properties);
		this.writer.start();
		other.start();
		try {
			List<CompletableFuture<Void>> committed = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				DecisionQueue queue = (i % 2 == 0) ? this.queue : otherQueue;
				committed.add(queue.record(Decisions.enrolled("actor-" + (i % 10), experiment, "control")));
			}
			CompletableFuture.allOf(committed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		finally {
			other.stop();
		}
		assertThat(this.ledger.exposures(experiment)).containsExactly(new VariantExposure("control", 10, 400));
	}

	@Test
	void migrationSummarisesTheDecisionsAndOutcomesAlreadyLogged() {
		DataSource empty = emptyDataSource();
		Flyway.configure().dataSource(empty).target("2").load().migrate();
		JdbcTemplate before = new JdbcTemplate(empty);
		String insert = """
				insert into decision_log (recommendation_id, made_at, actor_id, guide_id, guide_revision, experiment_id,
				    variant, forced_variant, request_json, answer_json)
				values (?, current_timestamp, ?, 'flux-lora', '6345a164f738ed32', 'lr-gentle', ?, ?, '{}', '{}')""";
		UUID[] ids = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
		before.update(insert, ids[0], "actor-1", "control", false);
		before.update(insert, ids[1], "actor-1", "control", false);
		before.update(insert, ids[2], "actor-2", "legacy", false);
		before.update(insert, ids[3], "qa-actor", "legacy", true);
		for (UUID id : ids) {
			before.update("insert into outcome (recommendation_id, metric, metric_value, recorded_at)"
					+ " values (?, 'identityScore', 0.8, current_timestamp)", id);
		}

		Flyway.configure().dataSource(empty).load().migrate();

		JdbcExperimentLedger migrated = new JdbcExperimentLedger(new JdbcTemplate(empty));
		assertThat(migrated.exposures("lr-gentle")).containsExactlyInAnyOrder(new VariantExposure("control", 1, 2),
				new VariantExposure("legacy", 1, 1));
		assertThat(migrated.outcomes("lr-gentle")).extracting(MetricSummary::variant, MetricSummary::count)
			.containsExactlyInAnyOrder(tuple("control", 2L), tuple("legacy", 1L));
		this.jdbc = new JdbcTemplate(empty);
		assertThat(totals("lr-gentle")).isEqualTo(freshTotals("lr-gentle"));
	}

	/**
	 * Same samples and SciPy values as ResultsStatisticsTests: the database must sum as
	 * SciPy does.
	 */
	@Test
	void outcomeSummariesMatchScipy() {
		String experiment = "exp-" + UUID.randomUUID();
		double[] control = { 0.81, 0.84, 0.79, 0.88, 0.83, 0.86, 0.80, 0.85 };
		double[] legacy = { 0.74, 0.79, 0.77, 0.72, 0.80, 0.75, 0.78 };
		postOutcomes(experiment, "control", false, control);
		postOutcomes(experiment, "legacy", false, legacy);
		postOutcomes(experiment, "legacy", true, 0.1);
		List<MetricSummary> summaries = this.ledger.outcomes(experiment);
		MetricSummary controlSummary = summaries.stream()
			.filter((s) -> s.variant().equals("control"))
			.findFirst()
			.orElseThrow();
		MetricSummary legacySummary = summaries.stream()
			.filter((s) -> s.variant().equals("legacy"))
			.findFirst()
			.orElseThrow();
		assertThat(controlSummary.count()).isEqualTo(8);
		assertThat(controlSummary.mean()).isCloseTo(0.8325, within(1e-12));
		assertThat(controlSummary.variance()).isCloseTo(0.0009642857142857129, within(1e-12));
		assertThat(legacySummary.count()).isEqualTo(7);
		assertThat(legacySummary.mean()).isCloseTo(0.7642857142857142, within(1e-12));
		assertThat(legacySummary.variance()).isCloseTo(0.0008285714285714299, within(1e-12));
	}

	@Test
	void aSingleOutcomeHasNoVariance() {
		String experiment = "exp-" + UUID.randomUUID();
		postOutcomes(experiment, "control", false, 0.9);
		assertThat(this.ledger.outcomes(experiment))
			.containsExactly(new MetricSummary("control", "identityScore", 1, 0.9, null));
	}

	private void postOutcomes(String experiment, String variant, boolean forced, double... values) {
		RecommendationMade[] made = new RecommendationMade[values.length];
		for (int i = 0; i < values.length; i++) {
			made[i] = forced ? Decisions.forced("qa-actor", experiment, variant)
					: Decisions.enrolled("actor-" + UUID.randomUUID(), experiment, variant);
		}
		writeAll(made);
		for (int i = 0; i < values.length; i++) {
			assertThat(this.outcomes.record(made[i].response().recommendationId(), "identityScore", values[i]))
				.isEqualTo(Result.CREATED);
		}
	}

	private List<Total> totals(String experiment) {
		return this.jdbc.query("""
				select variant, metric, outcomes, value_sum, square_sum from outcome_total
				where experiment_id = ? order by variant, metric""", DecisionLogStorageContract::total, experiment);
	}

	/**
	 * The outcomes summed again, each value's share computed as the V4 migration does.
	 */
	private List<Total> freshTotals(String experiment) {
		return this.jdbc.query("""
				select variant, metric, count(*) as outcomes, sum(cast(metric_value as outcome_share)) as value_sum,
				    sum(cast(cast(metric_value as outcome_share) * cast(metric_value as outcome_share)
				        as outcome_share)) as square_sum
				from outcome where experiment_id = ? group by variant, metric order by variant, metric""",
				DecisionLogStorageContract::total, experiment);
	}

	private static Total total(ResultSet row, int i) throws SQLException {
		return new Total(row.getString("variant"), row.getString("metric"), row.getLong("outcomes"),
				row.getBigDecimal("value_sum").stripTrailingZeros(),
				row.getBigDecimal("square_sum").stripTrailingZeros());
	}

	private record Total(String variant, String metric, long outcomes, BigDecimal valueSum, BigDecimal squareSum) {
	}

	private static Comparator<Double> closeTo(double tolerance) {
		return (a, b) -> (Math.abs(a - b) <= tolerance) ? 0 : Double.compare(a, b);
	}

	private static RecommendationMade recent(RecommendationMade made) {
		return new RecommendationMade(Instant.now(), made.request(), made.response(), made.forcedVariant());
	}

	private RecommendationMade written(RecommendationMade made) {
		writeAll(made);
		return made;
	}

	private void writeAll(RecommendationMade... made) {
		if (!this.writer.isRunning()) {
			this.writer.start();
		}
		for (RecommendationMade decision : made) {
			this.queue.record(decision);
		}
		awaitRows(List.of(made));
	}

	private void awaitRows(List<RecommendationMade> made) {
		await().atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> rowsOf(made) == made.size());
	}

	private int rowsOf(List<RecommendationMade> made) {
		int found = 0;
		for (RecommendationMade decision : made) {
			found += this.jdbc.queryForObject("select count(*) from decision_log where recommendation_id = ?",
					Integer.class, decision.response().recommendationId());
		}
		return found;
	}

	private int rowsOf(String experiment) {
		return this.jdbc.queryForObject("select count(*) from decision_log where experiment_id = ?", Integer.class,
				experiment);
	}

	/**
	 * A database that refuses connections while {@link #down}, as one being restarted
	 * does.
	 */
	private static final class FlakyDataSource extends DelegatingDataSource {

		volatile boolean down;

		final AtomicInteger refused = new AtomicInteger();

		FlakyDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down) {
				this.refused.incrementAndGet();
				throw new SQLTransientConnectionException("database is restarting");
			}
			return super.getConnection();
		}

	}

	private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
		Map<String, Object> lower = new LinkedHashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
		return lower;
	}

}
