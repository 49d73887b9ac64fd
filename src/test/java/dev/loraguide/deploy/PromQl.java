package dev.loraguide.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the names a PromQL expression depends on: the metrics it selects, the labels it
 * groups by and the label matchers it filters with. Enough for the queries of our
 * dashboard, not a parser of all of PromQL.
 */
final class PromQl {

	private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

	private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)\\}");

	private static final Pattern MATCHER = Pattern
		.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "inf", "nan");

	private PromQl() {
	}

	/**
	 * Metric names: identifiers that are not functions, keywords, labels, strings or
	 * ranges.
	 */
	static Set<String> metricNames(String expression) {
		String rest = RANGE.matcher(expression).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ");
		rest = SELECTOR.matcher(rest).replaceAll(" ");
		rest = STRING.matcher(rest).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			String name = identifier.group();
			boolean partOfNumber = identifier.start() > 0
					&& (Character.isLetterOrDigit(rest.charAt(identifier.start() - 1))
							|| rest.charAt(identifier.start() - 1) == '.'
							|| rest.charAt(identifier.start() - 1) == '$');
			if (!partOfNumber && !KEYWORDS.contains(name) && !isFunctionCall(rest, identifier.end())) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Labels named in {@code by (...)}, {@code without (...)}, {@code on (...)} and the
	 * like.
	 */
	static Set<String> groupingLabels(String expression) {
		Set<String> labels = new LinkedHashSet<>();
		Matcher grouping = GROUPING.matcher(expression);
		while (grouping.find()) {
			for (String label : grouping.group(2).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.strip());
				}
			}
		}
		return labels;
	}

	/** Label matchers inside selectors, such as {@code uri="/api/v1/recommendations"}. */
	static List<LabelMatcher> matchers(String expression) {
		List<LabelMatcher> matchers = new ArrayList<>();
		Matcher selector = SELECTOR.matcher(expression);
		while (selector.find()) {
			Matcher matcher = MATCHER.matcher(selector.group(1));
			while (matcher.find()) {
				matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
			}
		}
		return matchers;
	}

	private static boolean isFunctionCall(String text, int end) {
		int next = end;
		while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
			next++;
		}
		return next < text.length() && text.charAt(next) == '(';
	}

	record LabelMatcher(String label, String operator, String value) {
	}

}
