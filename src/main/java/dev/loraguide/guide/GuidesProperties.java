package dev.loraguide.guide;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where guides live and which one answers by default.
 *
 * @param dir folder holding one sub-folder per guide ({@code GUIDES_DIR} in the environment)
 * @param defaultGuide guide used when a request names none ({@code guides.default})
 * @param maxRuleFirings bound on rules fired in one evaluation; reaching it means a rule loop
 */
@ConfigurationProperties("guides")
public record GuidesProperties(@DefaultValue("rules") Path dir, @Name("default") @DefaultValue("flux-lora") String defaultGuide,
		@DefaultValue("1000") int maxRuleFirings) {
}
