package dev.loraguide.security;

import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a credential lets its holder do. Each role includes the ones before it: an admin
 * may report outcomes, and whoever reports may read.
 */
public enum Role {

	/** Read guides and experiment results, ask for recommendations. */
	READ,

	/** Report how the trainings that followed recommendations went. */
	REPORT,

	/**
	 * Reload guides, preview, see experiment internals such as the salt, see health
	 * details.
	 */
	ADMIN;

	/**
	 * The name in settings, token files and messages: {@code read}, {@code report},
	 * {@code admin}.
	 */
	public String settingName() {
		return name().toLowerCase(Locale.ROOT);
	}

	SimpleGrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

}
