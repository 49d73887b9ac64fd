package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.util.List;

/**
 * One live guide revision: its files, its compiled rules and the preset table they
 * produce. Immutable; a reload builds a new one and swaps it in, so a request that holds
 * a Guide is answered wholly by that revision.
 *
 * @param source the files this revision was built from
 * @param description one line on what the guide is for
 * @param rules the compiled rules
 * @param presetTable presets by image count, derived from the rules
 */
public record Guide(GuideSource source, String description, CompiledRules rules, PresetTable presetTable) {

	public String id() {
		return this.source.id();
	}

	public String revision() {
		return this.source.revision();
	}

	public List<String> files() {
		return List.copyOf(this.source.files().keySet());
	}

	public Evaluation evaluate(ActorDataset dataset, ParameterOverrides overrides) {
		return this.rules.evaluate(dataset, overrides);
	}

}
