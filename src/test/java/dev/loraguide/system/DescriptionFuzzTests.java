package dev.loraguide.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import dev.loraguide.LoraGuideApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property-based fuzz driven by the served description: for every operation it lists,
 * requests built from the operation's own schemas, mostly valid, some with a value of the
 * wrong type, out of range, null, oversized or full of invisible characters. Each
 * exchange goes through {@link ApiClient}, so an answer the description does not allow
 * fails, and so does any 5xx. The number of tries is bounded to keep the build fast.
 */
class DescriptionFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext service;

	private static ApiClient api;

	private static JsonNode description;

	@BeforeContainer
	static void start() {
		service = SpringApplication.run(LoraGuideApplication.class, "--server.port=0", "--server.address=127.0.0.1");
		api = new ApiClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
		description = api.get("/v3/api-docs").json();
	}

	@AfterContainer
	static void stop() {
		service.close();
	}

	@Property(tries = 400, seed = "20261201")
	void noExchangeBreaksTheDescriptionOrFailsTheService(@ForAll("exchanges") Exchange exchange) {
		Reply reply = api.send(exchange.method(), exchange.path(), exchange.contentType(), exchange.body());
		assertThat(reply.status()).as("%s -> %s", exchange, reply.body()).isLessThan(500);
	}

	@Provide
	Arbitrary<Exchange> exchanges() {
		List<Arbitrary<Exchange>> operations = new ArrayList<>();
		description.get("paths").properties().forEach((entry) -> entry.getValue().properties().forEach((operation) -> {
			operations.add(exchangesOf(entry.getKey(), operation.getKey().toUpperCase(), operation.getValue()));
		}));
		return Arbitraries.oneOf(operations);
	}

	private Arbitrary<Exchange> exchangesOf(String template, String method, JsonNode operation) {
		Arbitrary<String> path = Arbitraries.just(template);
		for (String parameter : pathParameters(template)) {
			path = Combinators.combine(path, pathValues())
				.as((p, value) -> p.replace("{" + parameter + "}",
						URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
		}
		JsonNode body = operation.at("/requestBody/content/application~1json/schema");
		if (body.isMissingNode()) {
			return path.map((p) -> new Exchange(method, p, null, null));
		}
		return Combinators.combine(path, valueOf(body, 0))
			.as((p, value) -> new Exchange(method, p, "application/json", JSON.writeValueAsString(value)));
	}

	private static List<String> pathParameters(String template) {
		List<String> names = new ArrayList<>();
		for (String segment : template.split("/")) {
			if (segment.startsWith("{")) {
				names.add(segment.substring(1, segment.length() - 1));
			}
		}
		return names;
	}

	private static Arbitrary<String> pathValues() {
		Arbitrary<String> known = Arbitraries.of("flux-lora", "legacy-defaults", "lr-gentle");
		Arbitrary<String> uuids = Arbitraries.create(() -> UUID.randomUUID().toString());
		Arbitrary<String> plain = Arbitraries.strings()
			.alpha()
			.numeric()
			.withChars("-_.")
			.ofMinLength(1)
			.ofMaxLength(80);
		Arbitrary<String> anything = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300);
		return Arbitraries.oneOf(known, uuids, plain, anything)
			.filter((value) -> !value.equals(".") && !value.equals(".."));
	}

	/** A value for a schema: mostly one it allows, sometimes one it refuses. */
	private Arbitrary<Object> valueOf(JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		return Arbitraries.frequencyOf(Tuple.of(12, allowedValueOf(resolved, depth)), Tuple.of(1, refusedValue()));
	}

	@SuppressWarnings("unchecked")
	private Arbitrary<Object> allowedValueOf(JsonNode schema, int depth) {
		if (schema.has("enum")) {
			List<Object> values = new ArrayList<>();
			schema.get("enum").values().forEach((value) -> values.add(value.asString()));
			return Arbitraries.of(values);
		}
		String type = schema.path("type").asString("object");
		return switch (type) {
			case "integer" -> Arbitraries.longs()
				.between(schema.path("minimum").asLong(0), schema.path("maximum").asLong(1_000_000))
				.map((n) -> (Object) n);
			case "number" -> Arbitraries.doubles()
				.between(schema.path("minimum").asDouble(-1e6), schema.path("maximum").asDouble(1e6))
				.filter((n) -> !schema.path("exclusiveMinimum").asBoolean(false)
						|| n > schema.path("minimum").asDouble())
				.map((n) -> (Object) n);
			case "boolean" -> Arbitraries.of(true, false).map((b) -> (Object) b);
			case "string" -> stringsFor(schema);
			case "array" -> (depth > 3) ? Arbitraries.just((Object) List.of())
					: valueOf(schema.path("items"), depth + 1).list().ofMaxSize(3).map((list) -> (Object) list);
			default -> objectsFor(schema, depth);
		};
	}

	private static Arbitrary<Object> stringsFor(JsonNode schema) {
		int max = schema.path("maxLength").asInt(100);
		List<Arbitrary<String>> choices = new ArrayList<>();
		if (schema.has("example")) {
			choices.add(Arbitraries.just(schema.get("example").asString()));
		}
		if (!schema.has("pattern")) {
			choices.add(Arbitraries.strings().alpha().numeric().withChars(" -").ofMaxLength(max));
		}
		if (choices.isEmpty()) {
			choices.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(Math.min(max, 20)));
		}
		return Arbitraries.oneOf(choices).map((s) -> (Object) s);
	}

	private Arbitrary<Object> objectsFor(JsonNode schema, int depth) {
		if (depth > 3 || !schema.has("properties")) {
			return Arbitraries.just((Object) Map.of());
		}
		Set<String> required = new HashSet<>();
		schema.path("required").values().forEach((name) -> required.add(name.asString()));
		Arbitrary<Map<String, Object>> object = Arbitraries.just(new LinkedHashMap<>());
		for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
			Arbitrary<Object> value = valueOf(property.getValue(), depth + 1);
			Arbitrary<Boolean> present = required.contains(property.getKey())
					? Arbitraries.frequency(Tuple.of(20, true), Tuple.of(1, false)) : Arbitraries.of(true, false);
			object = Combinators.combine(object, present, value).as((map, include, v) -> {
				Map<String, Object> next = new LinkedHashMap<>(map);
				if (include) {
					next.put(property.getKey(), v);
				}
				return next;
			});
		}
		return object.map((map) -> (Object) map);
	}

	/** Values a strict API refuses wherever they appear. */
	private static Arbitrary<Object> refusedValue() {
		return Arbitraries.oneOf(Arbitraries.just((Object) "x"), Arbitraries.just((Object) (-1)),
				Arbitraries.just((Object) 1e308), Arbitraries.just((Object) List.of(1)),
				Arbitraries.just((Object) Map.of("unknown", 1)),
				Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).map((s) -> (Object) s),
				Arbitraries
					.of("Ada\u202Eevil", "\u0000", "x\"\ntrain_batch_size = 99\n#", "\uD800", "\uFEFFAda",
							"\u001B[31mred")
					.map((s) -> (Object) s),
				Arbitraries.strings().alpha().ofLength(5000).map((s) -> (Object) s));
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asString();
			current = description.at(ref.substring(1));
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(current.get("allOf").get(0));
		}
		return current;
	}

	/**
	 * One request.
	 *
	 * @param method HTTP method
	 * @param path path, parameters filled in and encoded
	 * @param contentType Content-Type, null without a body
	 * @param body JSON body, null for none
	 */
	record Exchange(String method, String path, String contentType, String body) {

		@Override
		public String toString() {
			String shown = (this.body != null && this.body.length() > 300) ? this.body.substring(0, 300) + "…"
					: this.body;
			return this.method + " " + this.path + " " + shown;
		}

	}

}
