package dev.loraguide.system;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (and browsable at
 * {@code /swagger-ui.html}). It is the contract the API tests hold every exchange to:
 * every operation lists each status it can answer, errors with the {@code Problem}
 * schema, and every property of a successful body is required (the service writes absent
 * values as {@code null}, and says which ones may be).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM_SCHEMA = "Problem";

	static {
		// A JSON tree taken as it is (a batch's requests, each checked on its own) is any
		// JSON value, not a bean whose getters are properties.
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class, new Schema<>().description("any JSON value").nullable(true));
	}

	private static final String PROBLEM_MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String SCHEMAS = "#/components/schemas/";

	@Bean
	OpenAPI loraGuideOpenApi() {
		return new OpenAPI().info(new Info().title("LoRA guide service")
			.version("v1")
			.description("Training parameters for FLUX LoRA models of people, recommended by guides kept as "
					+ "DRL rule files. Errors are RFC 9457 problem bodies (application/problem+json) with a stable "
					+ "'code' and, for bad input, the 'field' to fix. Bodies are limited to 64 KB."));
	}

	@Bean
	OpenApiCustomizer problemResponsesAndRequiredProperties() {
		return (openApi) -> {
			openApi.getComponents().addSchemas("FieldError", fieldErrorSchema());
			openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
			Set<String> answered = new HashSet<>();
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				describeProblems(path, operation);
				operation.getResponses().forEach((status, response) -> {
					if (status.startsWith("2") && response.getContent() != null) {
						response.getContent().values().forEach((media) -> collectRefs(media.getSchema(), answered));
					}
				});
			}));
			requireEveryProperty(openApi.getComponents().getSchemas(), answered);
			openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anyValueForPlainObjects);
		};
	}

	/**
	 * A Java {@code Object} property (a value that is a number, a text or a list, such as
	 * a diff's before and after) is described as {@code object}, which no number matches;
	 * in OpenAPI 3.0 a schema without a type takes any value.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void anyValueForPlainObjects(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		schema.getProperties().replaceAll((name, property) -> {
			if (property.getItems() != null && isPlainObject(property.getItems())) {
				// A list of any values, such as a batch's requests, each checked on its
				// own.
				property.setItems(anyValue(property.getItems().getDescription()));
			}
			return isPlainObject(property) ? anyValue(property.getDescription()) : property;
		});
	}

	/** No type: any value. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> anyValue(String description) {
		return new Schema().description(description).nullable(true);
	}

	private static boolean isPlainObject(Schema<?> schema) {
		return "object".equals(schema.getType()) && schema.getProperties() == null && schema.get$ref() == null
				&& schema.getAdditionalProperties() == null;
	}

	/**
	 * Adds the statuses any operation can answer and gives every error status the problem
	 * body. An operation's own statuses (its 404 or 409) are declared on the controller.
	 */
	private static void describeProblems(String path, Operation operation) {
		ApiResponses responses = operation.getResponses();
		addProblem(responses, HttpStatus.BAD_REQUEST);
		addProblem(responses, HttpStatus.NOT_ACCEPTABLE);
		addProblem(responses, HttpStatus.INTERNAL_SERVER_ERROR);
		if (path.contains("{")) {
			addProblem(responses, HttpStatus.NOT_FOUND);
		}
		if (operation.getRequestBody() != null) {
			addProblem(responses, HttpStatus.PAYLOAD_TOO_LARGE);
			addProblem(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}
		// Any operation: reading may be closed to anonymous callers
		// (security.anonymous-read), a refused credential is throttled wherever it is
		// sent, and a JWT sent anywhere needs the issuer's key set.
		addProblem(responses, HttpStatus.UNAUTHORIZED);
		addProblem(responses, HttpStatus.FORBIDDEN);
		addProblem(responses, HttpStatus.TOO_MANY_REQUESTS);
		addProblem(responses, HttpStatus.SERVICE_UNAVAILABLE);
		responses.forEach((status, response) -> {
			if (status.startsWith("4") || status.startsWith("5")) {
				response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
						new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM_SCHEMA))));
			}
		});
	}

	private static void addProblem(ApiResponses responses, HttpStatus status) {
		responses.computeIfAbsent(String.valueOf(status.value()),
				(code) -> new ApiResponse().description(status.getReasonPhrase()
						+ ": a problem body; 'code' says which of " + String.join(", ", codesOf(status))));
	}

	private static List<String> codesOf(HttpStatus status) {
		return Arrays.stream(ProblemCode.values())
			.filter((code) -> code.status() == status)
			.map(ProblemCode::code)
			.toList();
	}

	@SuppressWarnings("rawtypes")
	private static void collectRefs(Schema<?> schema, Set<String> names) {
		Deque<Schema> pending = new ArrayDeque<>();
		if (schema != null) {
			pending.add(schema);
		}
		while (!pending.isEmpty()) {
			Schema<?> next = pending.poll();
			if (next.get$ref() != null) {
				names.add(next.get$ref().substring(next.get$ref().lastIndexOf('/') + 1));
			}
			if (next.getItems() != null) {
				pending.add(next.getItems());
			}
			if (next.getAdditionalProperties() instanceof Schema additional) {
				pending.add(additional);
			}
			if (next.getProperties() != null) {
				pending.addAll(next.getProperties().values());
			}
			if (next.getAllOf() != null) {
				pending.addAll(next.getAllOf());
			}
		}
	}

	/**
	 * Marks every property of the answered schemas, and of those they refer to, required.
	 */
	@SuppressWarnings("rawtypes")
	private static void requireEveryProperty(Map<String, Schema> schemas, Set<String> answered) {
		Deque<String> pending = new ArrayDeque<>(answered);
		Set<String> done = new HashSet<>();
		while (!pending.isEmpty()) {
			String name = pending.poll();
			Schema<?> schema = schemas.get(name);
			if (!done.add(name) || schema == null || schema.getProperties() == null) {
				continue;
			}
			schema.setRequired(List.copyOf(schema.getProperties().keySet()));
			Set<String> referred = new HashSet<>();
			schema.getProperties().values().forEach((property) -> collectRefs(property, referred));
			pending.addAll(referred);
		}
	}

	private static Schema<?> fieldErrorSchema() {
		return new ObjectSchema().description("One input that was refused")
			.addProperty("field", new StringSchema().description("JSON path of the input, such as dataset.imageCount"))
			.addProperty("message", new StringSchema().description("What is wrong with it"))
			.required(List.of("field", "message"));
	}

	private static Schema<?> problemSchema() {
		StringSchema code = new StringSchema();
		Arrays.stream(ProblemCode.values()).forEach((value) -> code.addEnumItem(value.code()));
		code.description("Stable code to branch on; docs/api.md explains each");
		return new ObjectSchema().description("An RFC 9457 problem body (application/problem+json)")
			.addProperty("type", new StringSchema().description("Problem type URI; absent means about:blank"))
			.addProperty("title", new StringSchema().description("The status's reason phrase"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong, for a person"))
			.addProperty("instance", new StringSchema().description("The request path, cut after 200 characters"))
			.addProperty("code", code)
			.addProperty("field", new StringSchema().description("The input to fix, when one is to blame"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref(SCHEMAS + "FieldError"))
						.description("Every refused input, when the body was read"))
			.required(List.of("title", "status", "detail", "code"));
	}

}
