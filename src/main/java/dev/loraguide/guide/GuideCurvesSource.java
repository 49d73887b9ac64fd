package dev.loraguide.guide;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the offline commands get a guide's curves from: a guide folder on disk, compiled
 * here even when its cases fail (an edit is diffed before its cases are updated), or a
 * running service's guide endpoint, e.g.
 * {@code http://localhost:8080/api/v1/guides/flux-lora}.
 */
final class GuideCurvesSource {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private GuideCurvesSource() {
	}

	/**
	 * The curves of a guide folder or guide endpoint URL.
	 * @throws IllegalArgumentException with a message for the user when the folder or URL
	 * cannot give them
	 */
	static GuideCurves read(String folderOrUrl) {
		if (folderOrUrl.startsWith("http://") || folderOrUrl.startsWith("https://")) {
			return fetch(folderOrUrl);
		}
		return compile(Path.of(folderOrUrl));
	}

	static GuideCurves compile(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException(folder + " is not a folder");
		}
		GuideSource source = GuideSource.read(folder);
		if (source.ruleFiles().isEmpty()) {
			throw new IllegalArgumentException(folder + " holds no rule files (*.drl): name one guide folder");
		}
		CompiledRules rules;
		try {
			rules = new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS)).compile(source);
		}
		catch (GuideRefusedException ex) {
			throw new IllegalArgumentException(folder + " does not compile:\n  "
					+ String.join("\n  ",
							ex.getProblems()
								.stream()
								.map((problem) -> folder.resolve(problem.toString()).toString())
								.toList()));
		}
		try {
			return GuideCurves.of(source.id(), source.revision(), rules);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(folder + " cannot be evaluated: " + ex.getMessage(), ex);
		}
		finally {
			rules.dispose();
		}
	}

	private static GuideCurves fetch(String url) {
		String curvesUrl = url.replaceAll("/+$", "");
		curvesUrl = curvesUrl.endsWith("/curves") ? curvesUrl : curvesUrl + "/curves";
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(curvesUrl))
				.timeout(TIMEOUT)
				.header("Accept", "application/json")
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(url + " is not a URL: " + ex.getMessage(), ex);
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalArgumentException(
						curvesUrl + " answered " + response.statusCode() + ": " + detail(response.body()));
			}
			return JSON.readValue(response.body(), GuideCurves.class);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot reach " + curvesUrl + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalArgumentException("interrupted while asking " + curvesUrl, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					curvesUrl + " did not answer with a guide's curves: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String detail(String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			return problem.path("detail").asString(body);
		}
		catch (JacksonException ex) {
			return body;
		}
	}

}
