package dev.loraguide.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (and browsable at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI loraGuideOpenApi() {
		return new OpenAPI().info(new Info().title("LoRA guide service")
			.version("v1")
			.description("Training parameters for FLUX LoRA models of people, recommended by guides kept as "
					+ "DRL rule files. Errors are RFC 9457 problem bodies with a stable 'code' and, for bad "
					+ "input, the 'field' to fix."));
	}

}
