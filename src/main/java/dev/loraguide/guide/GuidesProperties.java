package dev.loraguide.guide;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Where guides live, which one answers by default, how closely the folder is followed,
 * and the bounds of the gate every revision passes before it serves.
 *
 * @param dir folder holding one sub-folder per guide ({@code GUIDES_DIR} in the
 * environment)
 * @param defaultGuide guide used when a request names none ({@code guides.default})
 * @param maxRuleFirings bound on rules fired in one evaluation; reaching it means a rule
 * loop
 * @param scanInterval how often the folder is scanned for changes; an edit is live after
 * two scans that agree plus the time to validate it, or, where the file system sends file
 * events, a scan a tenth of a second after the last event
 * @param retireAfter how long a swapped-out revision is kept for requests that picked it
 * before the swap; it is freed after that once no evaluation runs on it
 * @param gate the bounds of the check each revision passes in a process of its own
 */
@ConfigurationProperties("guides")
public record GuidesProperties(@DefaultValue(GuidesProperties.DIR) Path dir,
		@Name("default") @DefaultValue("flux-lora") String defaultGuide,
		@DefaultValue(GuidesProperties.MAX_RULE_FIRINGS) int maxRuleFirings,
		@DefaultValue("250ms") Duration scanInterval, @DefaultValue("5s") Duration retireAfter,
		@DefaultValue Gate gate) {

	/** The default of {@code guides.dir}, shared with the {@code check} command. */
	static final String DIR = "rules";

	/**
	 * The default of {@code guides.max-rule-firings}, shared with the {@code check}
	 * command.
	 */
	public static final String MAX_RULE_FIRINGS = "1000";

	/** The defaults of {@code guides.gate.*}, shared with the {@code check} command. */
	static final String TIME_LIMIT = "60s";

	static final String HEAP = "256MB";

	static final String MAX_FILE_SIZE = "2MB";

	static final String P99_BUDGET = "1ms";

	/**
	 * Beside the decision log's default H2 file, in the folder the container may write.
	 */
	static final String VERDICTS = "data/gate-verdicts";

	/**
	 * The gate: each candidate revision is checked by the {@code check} command in a JVM
	 * of its own, so nothing a rule does can hang, exhaust or crash the service.
	 *
	 * @param timeLimit CPU time one check process may use (all its threads); past it, or
	 * five times it in wall-clock time ({@link CheckTimeLimit}), the check is stopped and
	 * the revision refused. CPU time, so that a machine too busy to give the check its
	 * share does not refuse a sound guide; a rule that loops uses it at the pace of a
	 * core
	 * @param heap heap cap ({@code -Xmx}) of the check process
	 * @param maxFileSize a guide file larger than this is refused before anything reads
	 * it
	 * @param p99Budget a revision whose 99th-percentile evaluation time over every image
	 * count is above this is refused
	 * @param verdicts folder where passed verdicts are kept, so that a restart or another
	 * replica sharing it does not check a revision that passed before; empty to check
	 * every revision at every start
	 */
	public record Gate(@DefaultValue(TIME_LIMIT) Duration timeLimit, @DefaultValue(HEAP) DataSize heap,
			@DefaultValue(MAX_FILE_SIZE) DataSize maxFileSize, @DefaultValue(P99_BUDGET) Duration p99Budget,
			@DefaultValue(VERDICTS) String verdicts) {

		/** The defaults, for code that runs without Spring's binding. */
		public static Gate defaults() {
			return new Gate(DurationStyle.detectAndParse(TIME_LIMIT), DataSize.parse(HEAP),
					DataSize.parse(MAX_FILE_SIZE), DurationStyle.detectAndParse(P99_BUDGET), VERDICTS);
		}

	}

}
