package dev.loraguide.recommend;

import java.util.List;

/**
 * Where an input sits in a batch body, both as the dotted path single requests use in
 * {@code field} ({@code requests[3].dataset.imageCount}) and as a JSON pointer
 * ({@code /requests/3/dataset/imageCount}).
 */
final class BatchPath {

	private BatchPath() {
	}

	/**
	 * @param index the request's index in the batch
	 * @param steps property names ({@link String}) and array indexes ({@link Integer})
	 * inside the request
	 * @param message what is wrong there
	 */
	static BatchProblem.Error error(int index, List<Object> steps, String message) {
		StringBuilder field = new StringBuilder("requests[").append(index).append(']');
		StringBuilder pointer = new StringBuilder("/requests/").append(index);
		for (Object step : steps) {
			if (step instanceof Integer position) {
				field.append('[').append(position).append(']');
			}
			else {
				field.append('.').append(step);
			}
			pointer.append('/').append(step.toString().replace("~", "~0").replace("/", "~1"));
		}
		return new BatchProblem.Error(field.toString(), pointer.toString(), message);
	}

}
