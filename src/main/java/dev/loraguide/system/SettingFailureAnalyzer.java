package dev.loraguide.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Says in one sentence which setting has a value the service cannot use, where that value
 * came from and why, and what to write instead: ahead of Spring Boot's own report, which
 * lists the same facts over a dozen lines and ends with "Update your application's
 * configuration".
 */
class SettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		String name = (property != null) ? property.getName().toString() : cause.getName().toString();
		String value = (property != null) ? " is '" + property.getValue() + "'" : " is not valid";
		String origin = (property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")"
				: "";
		String description = "The setting " + name + value + origin + ", which cannot be used: " + reason(cause) + ".";
		String action = "Set " + name + " (environment " + environmentName(name) + ") to "
				+ expected(cause.getTarget().getType()) + ", or remove it to use the default.";
		return new FailureAnalysis(description, action, cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
		return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
	}

	/** The environment variable Spring Boot binds to a setting: dots to _, no dashes. */
	static String environmentName(String setting) {
		return setting.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

	private static String expected(ResolvableType type) {
		Class<?> raw = type.resolve(Object.class);
		if (raw == Duration.class) {
			return "a duration such as 250ms, 5s or 2m";
		}
		if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
			return "a whole number in the range its description gives";
		}
		if (raw == Boolean.class || raw == boolean.class) {
			return "true or false";
		}
		if (raw == Path.class) {
			return "a path";
		}
		if (raw.isEnum()) {
			return "one of " + Arrays.stream(raw.getEnumConstants())
				.map((constant) -> constant.toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isRecord()) {
			return "what docs/security.md and the README describe for it";
		}
		return "a valid value";
	}

}
