package dev.loraguide.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person can read as it is: no control characters (NUL, CR, LF, ESC ...), no
 * bidirectional overrides or other invisible formatting characters (BOM, zero-width
 * joiners ...), no line or paragraph separators and no unpaired surrogates. Such a value
 * is refused as a bad request naming the field, never cleaned silently: what the caller
 * sent is not what they meant.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "must not contain control, bidirectional or other invisible formatting characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
