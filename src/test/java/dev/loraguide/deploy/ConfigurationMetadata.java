package dev.loraguide.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every setting the service reads: the properties in each
 * {@code spring-configuration-metadata.json} on the classpath (Spring Boot's jars, and
 * ours generated from the {@code @ConfigurationProperties} records). Environment
 * variables are matched with Spring Boot's own relaxed binding, so {@code GUIDES_DIR} is
 * {@code guides.dir} and {@code GUIDES_ADMIN_TOKEN} is {@code guides.admin-token}.
 *
 * @param properties every documented property
 */
record ConfigurationMetadata(List<Property> properties) {

	private static final String LOCATION = "META-INF/spring-configuration-metadata.json";

	static ConfigurationMetadata fromClasspath() {
		JsonMapper json = JsonMapper.builder().build();
		List<Property> properties = new ArrayList<>();
		try {
			for (URL resource : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(LOCATION))) {
				try (InputStream in = resource.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						properties.add(new Property(property.path("name").stringValue(""),
								property.path("type").stringValue(""), defaultValue(property.get("defaultValue"))));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ConfigurationMetadata(List.copyOf(properties));
	}

	private static String defaultValue(JsonNode value) {
		if (value == null) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	/** The setting an environment variable binds to, if the service has one. */
	Optional<String> settingFor(String environmentVariable) {
		ConfigurationPropertySource environment = ConfigurationPropertySource
			.from(new SystemEnvironmentPropertySource("environment", Map.of(environmentVariable, "value")));
		for (Property property : this.properties) {
			ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property.name());
			if (name == null) {
				continue;
			}
			if (environment.getConfigurationProperty(name) != null || (property.isMap()
					&& environment.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT)) {
				return Optional.of(property.name());
			}
		}
		return Optional.empty();
	}

	Optional<String> defaultValue(String name) {
		return this.properties.stream()
			.filter((property) -> property.name().equals(name) && property.defaultValue() != null)
			.map(Property::defaultValue)
			.findFirst();
	}

	record Property(String name, String type, String defaultValue) {

		boolean isMap() {
			return this.type.startsWith("java.util.Map<");
		}

	}

}
