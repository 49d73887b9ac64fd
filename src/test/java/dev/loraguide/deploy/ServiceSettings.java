package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The packaged settings the deployment files must agree with, read from application.yaml
 * and, where it sets nothing, from Spring Boot's documented defaults.
 */
final class ServiceSettings {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::[^}]*)?}");

	private ServiceSettings() {
	}

	/** The port the service listens on inside a container. */
	static int port() {
		return Integer.parseInt(value("server.port"));
	}

	/**
	 * How long a shutdown phase may take: in-flight requests, then the decision-log
	 * flush.
	 */
	static Duration shutdownTimeout() {
		return DurationStyle.detectAndParse(value("spring.lifecycle.timeout-per-shutdown-phase"));
	}

	/**
	 * Names application.yaml reads through {@code ${NAME}} or {@code ${NAME:default}}
	 * placeholders.
	 */
	static Set<String> placeholders() {
		Set<String> names = new LinkedHashSet<>();
		Matcher placeholder = PLACEHOLDER.matcher(DeployFiles.text(DeployFiles.APPLICATION_YAML));
		while (placeholder.find()) {
			names.add(placeholder.group(1));
		}
		return names;
	}

	private static String value(String name) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml",
					new FileSystemResource(DeployFiles.APPLICATION_YAML))) {
				Object value = source.getProperty(name);
				if (value != null) {
					return String.valueOf(value);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ConfigurationMetadata.fromClasspath()
			.defaultValue(name)
			.orElseThrow(() -> new IllegalStateException(name + " is neither in application.yaml nor has a default"));
	}

}
