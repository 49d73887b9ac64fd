package dev.loraguide.decisionlog;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code exposure} table: per experiment, variant and actor the hash assigned, how
 * many of their decisions the log holds. It changes inside the transactions that change
 * {@code decision_log} (the writer's batches, the retention pass), so the two never
 * disagree, and the results of an experiment read one row per actor instead of one per
 * decision. Rows are changed in key order, so that the writers of several replicas and
 * the retention pass never wait for each other in a circle.
 */
@Component
class Exposures {

	/** PostgreSQL: an atomic upsert, safe when two replicas add the first row at once. */
	private static final String ADD_POSTGRES = """
			insert into exposure (experiment_id, variant, actor_id, decisions) values (?, ?, ?, ?)
			on conflict (experiment_id, variant, actor_id) do update set decisions = exposure.decisions + excluded.decisions""";

	/**
	 * H2 has no {@code on conflict ... do update}; its standard MERGE is atomic within
	 * its one process.
	 */
	private static final String ADD_STANDARD = """
			merge into exposure e
			using (values (cast(? as varchar(100)), cast(? as varchar(100)), cast(? as varchar(200)), cast(? as bigint)))
			    as s (experiment_id, variant, actor_id, decisions)
			on e.experiment_id = s.experiment_id and e.variant = s.variant and e.actor_id = s.actor_id
			when matched then update set decisions = e.decisions + s.decisions
			when not matched then insert (experiment_id, variant, actor_id, decisions)
			    values (s.experiment_id, s.variant, s.actor_id, s.decisions)""";

	private static final String SUBTRACT = """
			update exposure set decisions = decisions - ? where experiment_id = ? and variant = ? and actor_id = ?""";

	private static final String REMOVE_EMPTY = """
			delete from exposure where experiment_id = ? and variant = ? and actor_id = ? and decisions <= 0""";

	private final JdbcTemplate jdbc;

	private final Upsert add;

	Exposures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.add = new Upsert(jdbc, ADD_POSTGRES, ADD_STANDARD);
	}

	/**
	 * Counts decisions per exposure; a decision outside any experiment, or in a forced
	 * variant, is no exposure.
	 */
	static SortedMap<Key, Long> count(Collection<Decision> decisions) {
		SortedMap<Key, Long> counts = new TreeMap<>(Key.ORDER);
		for (Decision decision : decisions) {
			if (decision.experimentId() != null && !decision.forcedVariant() && decision.actorId() != null) {
				counts.merge(new Key(decision.experimentId(), decision.variant(), decision.actorId()), 1L, Long::sum);
			}
		}
		return counts;
	}

	/** Adds decisions, in the caller's transaction. */
	void add(SortedMap<Key, Long> counts) {
		if (!counts.isEmpty()) {
			this.jdbc.batchUpdate(this.add.statement(), counts.entrySet(), counts.size(), (statement, entry) -> {
				statement.setString(1, entry.getKey().experimentId());
				statement.setString(2, entry.getKey().variant());
				statement.setString(3, entry.getKey().actorId());
				statement.setLong(4, entry.getValue());
			});
		}
	}

	/**
	 * Takes deleted decisions away, in the caller's transaction; an actor left with none
	 * is no longer exposed.
	 */
	void subtract(SortedMap<Key, Long> counts) {
		if (counts.isEmpty()) {
			return;
		}
		Set<Map.Entry<Key, Long>> entries = counts.entrySet();
		this.jdbc.batchUpdate(SUBTRACT, entries, entries.size(), (statement, entry) -> {
			statement.setLong(1, entry.getValue());
			statement.setString(2, entry.getKey().experimentId());
			statement.setString(3, entry.getKey().variant());
			statement.setString(4, entry.getKey().actorId());
		});
		this.jdbc.batchUpdate(REMOVE_EMPTY, entries, entries.size(), (statement, entry) -> {
			statement.setString(1, entry.getKey().experimentId());
			statement.setString(2, entry.getKey().variant());
			statement.setString(3, entry.getKey().actorId());
		});
	}

	/**
	 * What decides whether a decision is an exposure, and of whom.
	 *
	 * @param experimentId experiment, null when not enrolled
	 * @param variant variant
	 * @param actorId actor
	 * @param forcedVariant whether the experiments file forced the variant
	 */
	record Decision(String experimentId, String variant, String actorId, boolean forcedVariant) {
	}

	/**
	 * One actor in one variant of one experiment.
	 *
	 * @param experimentId experiment
	 * @param variant variant
	 * @param actorId actor
	 */
	record Key(String experimentId, String variant, String actorId) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::experimentId)
			.thenComparing(Key::variant)
			.thenComparing(Key::actorId);

	}

}
