package dev.loraguide.guide;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where guides live, which one answers by default, and how closely the folder is
 * followed.
 *
 * @param dir folder holding one sub-folder per guide ({@code GUIDES_DIR} in the
 * environment)
 * @param defaultGuide guide used when a request names none ({@code guides.default})
 * @param maxRuleFirings bound on rules fired in one evaluation; reaching it means a rule
 * loop
 * @param scanInterval how often the folder is scanned for changes; an edit is live after
 * two scans that agree plus the time to validate it
 * @param retireAfter how long a swapped-out revision is kept for requests that picked it
 * before the swap; it is freed after that once no evaluation runs on it
 */
@ConfigurationProperties("guides")
public record GuidesProperties(@DefaultValue(GuidesProperties.DIR) Path dir,
		@Name("default") @DefaultValue("flux-lora") String defaultGuide,
		@DefaultValue(GuidesProperties.MAX_RULE_FIRINGS) int maxRuleFirings,
		@DefaultValue("250ms") Duration scanInterval, @DefaultValue("5s") Duration retireAfter) {

	/** The default of {@code guides.dir}, shared with the {@code check} command. */
	static final String DIR = "rules";

	/**
	 * The default of {@code guides.max-rule-firings}, shared with the {@code check}
	 * command.
	 */
	static final String MAX_RULE_FIRINGS = "1000";

}
