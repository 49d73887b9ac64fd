package dev.loraguide.system;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes decimals the way the guides and their readers spell them: a learning rate is
 * {@code 0.0003}, not {@code 3.0E-4}. Same JSON number, readable at a glance in a curl
 * transcript.
 */
@Configuration(proxyBeanMethods = false)
class PlainDecimalsJsonConfiguration {

	@Bean
	SimpleModule plainDecimalsModule() {
		SimpleModule module = new SimpleModule("plain-decimals");
		module.addSerializer(Double.class, new PlainDecimalSerializer());
		module.addSerializer(Double.TYPE, new PlainDecimalSerializer());
		return module;
	}

	private static final class PlainDecimalSerializer extends ValueSerializer<Double> {

		@Override
		public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
			if (value.isNaN() || value.isInfinite()) {
				generator.writeNumber(value);
				return;
			}
			generator.writeNumber(PlainDecimal.of(value));
		}

	}

}
