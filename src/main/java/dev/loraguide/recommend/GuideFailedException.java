package dev.loraguide.recommend;

import java.util.List;

import dev.loraguide.guide.Guide;
import dev.loraguide.system.ProblemCode;
import dev.loraguide.system.ServiceFailureException;

/**
 * The guide serving a request failed it: a rule threw, or the evaluation left the preset
 * or a parameter without a value. Never answered as a recommendation with holes.
 */
class GuideFailedException extends ServiceFailureException {

	private GuideFailedException(ProblemCode code, String message, Throwable cause) {
		super(code, message, cause);
	}

	static GuideFailedException threw(Guide guide, Throwable cause) {
		return new GuideFailedException(ProblemCode.GUIDE_FAILED,
				"Guide '" + guide.id() + "' (revision " + guide.revision() + ") failed while evaluating this request.",
				cause);
	}

	static GuideFailedException incomplete(Guide guide, int imageCount, List<String> unset) {
		return new GuideFailedException(ProblemCode.GUIDE_INCOMPLETE,
				"Guide '" + guide.id() + "' (revision " + guide.revision() + ") gave no value for "
						+ String.join(", ", unset) + " at " + imageCount + " images, so there is no recommendation.",
				null);
	}

}
