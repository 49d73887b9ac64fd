package dev.loraguide.recommend;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.loraguide.system.ProblemCode;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem for one request of a batch, with the same {@code code} the request
 * would get on its own, and JSON pointers into the batch body.
 *
 * @param type problem type, {@code about:blank}
 * @param title the status's reason phrase
 * @param status the HTTP status the request would have got on its own
 * @param detail what is wrong, for a person
 * @param code stable machine-readable reason, as for single requests
 * @param field the first field to fix, in the batch body, such as
 * {@code requests[3].dataset.imageCount}
 * @param pointer the same field as a JSON pointer, such as
 * {@code /requests/3/dataset/imageCount}
 * @param errors every field to fix, when the problem is about input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchProblem(URI type, String title, int status, String detail, String code, String field, String pointer,
		List<Error> errors) {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	static BatchProblem of(ProblemCode code, List<Error> errors, String detail) {
		Error first = errors.isEmpty() ? null : errors.get(0);
		HttpStatus status = code.status();
		return new BatchProblem(ABOUT_BLANK, status.getReasonPhrase(), status.value(), detail, code.code(),
				(first != null) ? first.field() : null, (first != null) ? first.pointer() : null,
				errors.isEmpty() ? null : errors);
	}

	/**
	 * One input to fix.
	 *
	 * @param field path in the batch body, such as {@code requests[3].dataset.imageCount}
	 * @param pointer the same as a JSON pointer, such as
	 * {@code /requests/3/dataset/imageCount}
	 * @param message what is wrong with it
	 */
	public record Error(String field, String pointer, String message) {
	}

}
