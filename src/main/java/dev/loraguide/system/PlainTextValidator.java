package dev.loraguide.system;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}, naming the first character refused and where it is. */
class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		int i = 0;
		while (i < value.length()) {
			int codePoint = value.codePointAt(i);
			if (!isVisible(codePoint)) {
				context.disableDefaultConstraintViolation();
				context
					.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate() + " (found "
							+ String.format("U+%04X", codePoint) + " at character " + (i + 1) + ")")
					.addConstraintViolation();
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/**
	 * A lone surrogate is returned by codePointAt as itself, so it is caught here too.
	 */
	static boolean isVisible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				false;
			default -> true;
		};
	}

}
