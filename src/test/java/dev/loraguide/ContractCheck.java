package dev.loraguide;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import dev.loraguide.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds an exchange to the OpenAPI description the service serves, with Atlassian's
 * swagger-request-validator:
 * <ul>
 * <li>the answer must be one the description allows for that operation: a documented
 * status, its media type and a body that fits its schema;</li>
 * <li>a request the description refuses must be refused by the service too (4xx);</li>
 * <li>an answer outside the description (a path or method it does not have, such as
 * Tomcat refusing {@code %2F} or {@code TRACE}) must still be a problem body.</li>
 * </ul>
 */
public final class ContractCheck {

	private static final List<String> OUTSIDE_THE_DESCRIPTION = List.of("validation.request.path.missing",
			"validation.request.operation.notAllowed", "validation.response.path.missing",
			"validation.response.operation.notAllowed");

	private final OpenApiInteractionValidator validator;

	public ContractCheck(String description) {
		LevelResolver.Builder levels = LevelResolver.create();
		OUTSIDE_THE_DESCRIPTION
			.forEach((key) -> levels.withLevel(key, com.atlassian.oai.validator.report.ValidationReport.Level.INFO));
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(description)
			.withLevelResolver(levels.build())
			.build();
	}

	public void check(HttpRequest sent, String contentType, String body, Reply reply) {
		String path = sent.uri().getRawPath();
		if (!path.startsWith("/api/")) {
			return;
		}
		Request.Method method = Request.Method.valueOf(sent.method());
		SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
		sent.headers().map().forEach((name, values) -> request.withHeader(name, values));
		if (contentType != null) {
			request.withContentType(contentType);
		}
		if (body != null) {
			request.withBody(body);
		}
		if (sent.uri().getRawQuery() != null) {
			for (String pair : sent.uri().getQuery().split("&")) {
				String[] nameAndValue = pair.split("=", 2);
				request.withQueryParam(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : "");
			}
		}
		ValidationReport requestReport = this.validator.validateRequest(request.build());
		boolean described = requestReport.getMessages()
			.stream()
			.noneMatch((message) -> OUTSIDE_THE_DESCRIPTION.contains(message.getKey()));
		String exchange = sent.method() + " " + path + " -> " + reply.status() + " " + reply.body();
		if (!described || reply.status() >= 400) {
			assertThat(reply.contentType()).as("an error is a problem body: %s", exchange)
				.startsWith("application/problem+json");
		}
		if (!described) {
			return;
		}
		if (requestReport.hasErrors()) {
			assertThat(reply.status())
				.as("the description refuses the request (%s), so must the service: %s", messages(requestReport),
						exchange)
				.isBetween(400, 499);
		}
		SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
		reply.headers().forEach(response::withHeader);
		if (!reply.body().isEmpty()) {
			response.withBody(reply.body());
		}
		ValidationReport responseReport = this.validator.validateResponse(path, method, response.build());
		assertThat(responseReport.hasErrors())
			.as("the answer breaks the description (%s): %s", messages(responseReport), exchange)
			.isFalse();
	}

	private static String messages(ValidationReport report) {
		return report.getMessages().stream().map(ValidationReport.Message::toString).collect(Collectors.joining("; "));
	}

}
