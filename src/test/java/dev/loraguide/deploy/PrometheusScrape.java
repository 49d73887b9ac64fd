package dev.loraguide.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The samples of one scrape in the Prometheus text format: names and labels, values
 * ignored.
 *
 * @param samples every sample line
 */
record PrometheusScrape(List<Sample> samples) {

	private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+\\S+.*");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.lines().toList()) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(sample.group(1), labels));
		}
		return new PrometheusScrape(List.copyOf(samples));
	}

	Set<String> names() {
		return this.samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
	}

	List<Sample> series(Set<String> names) {
		return this.samples.stream().filter((sample) -> names.contains(sample.name())).toList();
	}

	record Sample(String name, Map<String, String> labels) {
	}

}
