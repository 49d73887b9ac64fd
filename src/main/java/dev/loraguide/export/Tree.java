package dev.loraguide.export;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A config tree being filled in key order. A value the guide left open (null) is left
 * out, so the trainer's own default applies. Decimals are written plainly
 * ({@code 0.0003}, not {@code 3.0E-4}) and always with a decimal point, because TOML and
 * YAML read {@code 1} as an integer.
 */
final class Tree {

	private final Map<String, Object> entries = new LinkedHashMap<>();

	Tree put(String key, Object value) {
		if (value instanceof Double number) {
			this.entries.put(key, decimal(number));
		}
		else if (value instanceof Tree tree) {
			this.entries.put(key, tree.toMap());
		}
		else if (value != null) {
			this.entries.put(key, value);
		}
		return this;
	}

	Map<String, Object> toMap() {
		return this.entries;
	}

	static BigDecimal decimal(double value) {
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		return (decimal.scale() < 1) ? decimal.setScale(1) : decimal;
	}

}
