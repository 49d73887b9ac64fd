package dev.loraguide.system;

import java.math.BigDecimal;

/**
 * A number as a person writes it: {@code 0.0007} rather than {@code 7.0E-4}, {@code 12}
 * rather than {@code 12.0}. One form for JSON answers, summaries, messages and tables.
 */
public final class PlainDecimal {

	private PlainDecimal() {
	}

	public static String of(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
