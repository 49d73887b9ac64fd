package dev.loraguide.guide.cases;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.util.List;

/**
 * One of a guide's own tests: a dataset and the parts of the answer the guide must give
 * for it.
 *
 * @param note what the case checks, in the ML lead's words
 * @param dataset the dataset the guide is evaluated against
 * @param overrides parameters the case fixes by hand
 * @param want the expected parts of the answer
 * @param where the case in the cases file, for problems about it as a whole
 */
public record GuideCase(String note, ActorDataset dataset, ParameterOverrides overrides, List<Expected> want,
		FilePosition where) {

	public GuideCase {
		want = List.copyOf(want);
	}

	/**
	 * One expected part of the answer.
	 *
	 * @param field which part
	 * @param value the value it must have, null when it must be absent
	 * @param where the line that wants it
	 */
	record Expected(CaseField field, Object value, FilePosition where) {
	}

}
