package dev.loraguide.system;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON that means one thing only: an object that names a key twice is refused
 * ({@code duplicate_key}) instead of the last value silently winning. Unknown fields,
 * floats for whole numbers and trailing tokens are refused by {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer duplicateKeysRefused() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
