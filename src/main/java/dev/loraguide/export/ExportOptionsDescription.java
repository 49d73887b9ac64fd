package dev.loraguide.export;

import java.util.Map;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the export options as query parameters of both export operations. The
 * controller reads them as one map so that a misspelt option is refused by name; this
 * puts each one in the description, where clients and the contract check look.
 */
@Configuration(proxyBeanMethods = false)
class ExportOptionsDescription {

	private static final Map<String, String> MEANINGS = Map.ofEntries(
			Map.entry("model", "the FLUX model: a file for kohya and fluxgym, a file or hub id for ai-toolkit"),
			Map.entry("clipL", "the CLIP-L text encoder file (kohya, fluxgym)"),
			Map.entry("t5xxl", "the T5-XXL text encoder file (kohya, fluxgym)"),
			Map.entry("ae", "the autoencoder file (kohya, fluxgym)"),
			Map.entry("datasetDir", "the folder of the actor's images and captions; default /data/<outputName>"),
			Map.entry("outputDir", "where the trainer writes the LoRA; default output"),
			Map.entry("outputName", "the LoRA's name; default a slug of the trigger token"),
			Map.entry("resolution", "training resolution, a multiple of 64 from 256 to 4096; default 1024"),
			Map.entry("batchSize", "images per step, 1 to 64; default 1"),
			Map.entry("captionPrefix", "true: kohya also puts the trigger token before every caption"),
			Map.entry("syntax", "ai-toolkit only: yaml (default) or json"));

	@Bean
	OpenApiCustomizer exportOptionParameters() {
		return (openApi) -> openApi.getPaths().forEach((path, item) -> {
			if (path.endsWith("/export")) {
				item.readOperations()
					.forEach((operation) -> ExportOptions.NAMES
						.forEach((name) -> operation.addParametersItem(new QueryParameter().name(name)
							.required(false)
							.description(MEANINGS.get(name))
							.schema(new StringSchema()))));
			}
		});
	}

}
