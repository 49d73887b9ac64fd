package dev.loraguide.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.JsonInputProblems;
import dev.loraguide.system.ProblemCode;
import dev.loraguide.system.ServiceFailureException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Answers a batch one request at a time, each through {@link Recommender} exactly as if
 * it had come alone (so each answered request is one decision, with its own id, counted
 * and logged like any other). A request is read, validated and refused on its own: its
 * problem takes its slot and the others are answered. Every request is decided before the
 * batch waits for its decisions to be recorded, so they share the decision log's group
 * commits instead of waiting for one commit each.
 */
@Service
class BatchRecommender {

	private static final Logger logger = LoggerFactory.getLogger(BatchRecommender.class);

	private final Recommender recommender;

	private final JsonMapper json;

	private final Validator validator;

	private final RecommendationMetrics metrics;

	BatchRecommender(Recommender recommender, JsonMapper json, Validator validator, RecommendationMetrics metrics) {
		this.recommender = recommender;
		this.json = json;
		this.validator = validator;
		this.metrics = metrics;
	}

	BatchResponse recommend(BatchRequest batch) {
		List<Slot> slots = new ArrayList<>(batch.requests().size());
		for (int index = 0; index < batch.requests().size(); index++) {
			slots.add(decide(index, batch.requests().get(index)));
		}
		List<BatchResult> results = new ArrayList<>(slots.size());
		for (int index = 0; index < slots.size(); index++) {
			BatchResult result = answer(index, slots.get(index));
			if (result.problem() != null) {
				this.metrics.refused(result.problem().code());
			}
			results.add(result);
		}
		return BatchResponse.of(results);
	}

	private Slot decide(int index, JsonNode item) {
		RecommendationRequest request;
		try {
			request = (item != null) ? this.json.treeToValue(item, RecommendationRequest.class) : null;
		}
		catch (JacksonException ex) {
			return new Slot(invalid(List.of(BatchPath.error(index, steps(ex), JsonInputProblems.messageOf(ex)))), null);
		}
		if (request == null) {
			return new Slot(invalid(List.of(BatchPath.error(index, List.of(), "must be an object"))), null);
		}
		List<BatchProblem.Error> errors = this.validator.validate(request)
			.stream()
			.map((violation) -> BatchPath.error(index, steps(violation), violation.getMessage()))
			.sorted(Comparator.comparing(BatchProblem.Error::field))
			.toList();
		if (!errors.isEmpty()) {
			return new Slot(invalid(errors), null);
		}
		try {
			return new Slot(null, this.recommender.decide(request));
		}
		catch (RuntimeException ex) {
			return new Slot(refused(index, ex), null);
		}
	}

	private BatchResult answer(int index, Slot slot) {
		if (slot.decision() == null) {
			return slot.result();
		}
		try {
			Decision.awaitRecorded(List.of(slot.decision()));
			return BatchResult.answered(slot.decision().response());
		}
		catch (RuntimeException ex) {
			return refused(index, ex);
		}
	}

	private BatchResult refused(int index, RuntimeException failure) {
		if (failure instanceof ApiProblemException ex) {
			List<BatchProblem.Error> at = (ex.field() != null)
					? List.of(BatchPath.error(index, List.of(ex.field()), ex.getMessage())) : List.of();
			return BatchResult.refused(BatchProblem.of(ex.code(), at, ex.getMessage()));
		}
		if (failure instanceof ServiceFailureException ex) {
			logger.error("Batch request {} failed: {}", index, ex.getMessage(), ex.getCause());
			return BatchResult.refused(BatchProblem.of(ex.code(), List.of(), ex.getMessage()));
		}
		// The cause goes to the log, never to the caller.
		logger.error("Batch request {} failed", index, failure);
		return BatchResult.refused(
				BatchProblem.of(ProblemCode.INTERNAL_ERROR, List.of(), "The service failed to answer this request."));
	}

	/**
	 * One request of the batch: refused already, or decided and waiting to be recorded.
	 *
	 * @param result the refusal, null when decided
	 * @param decision the decision, null when refused
	 */
	private record Slot(BatchResult result, Decision decision) {
	}

	private static BatchResult invalid(List<BatchProblem.Error> errors) {
		String detail = String.join("; ",
				errors.stream().map((error) -> error.field() + " " + error.message()).toList());
		return BatchResult.refused(BatchProblem.of(ProblemCode.INVALID_FIELD, errors, detail));
	}

	private static List<Object> steps(JacksonException ex) {
		List<Object> steps = new ArrayList<>();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				steps.add(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				steps.add(reference.getIndex());
			}
		}
		return steps;
	}

	private static List<Object> steps(ConstraintViolation<?> violation) {
		List<Object> steps = new ArrayList<>();
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getIndex() != null) {
				steps.add(node.getIndex());
			}
			if (node.getName() != null) {
				steps.add(node.getName());
			}
		}
		return steps;
	}

}
