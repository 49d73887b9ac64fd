package dev.loraguide.guide;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/guides")
@Tag(name = "Guides", description = "The training guides the service loads from its rules folder")
class GuideController {

	private final GuideRegistry registry;

	GuideController(GuideRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	@Operation(summary = "List the guides with the revision each serves")
	List<GuideSummary> list() {
		return this.registry.states().stream().map(GuideSummary::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One guide with its preset table, derived by evaluating the guide over image counts")
	GuideDetails get(@PathVariable String id) {
		return this.registry.states()
			.stream()
			.filter((state) -> state.id().equals(id))
			.findFirst()
			.map((state) -> GuideDetails.of(state, this.registry.lastChange(id)))
			.orElseThrow(() -> new UnknownGuideException(id));
	}

	@GetMapping("/{id}/curves")
	@Operation(summary = "A guide's answer at every image count from 1 to 1000 and a log-spaced sample to 100000",
			description = "For a dataset with no actor and no overrides: the data of the guide page's curves. "
					+ "Worked out once per revision. Without revision: the serving one; otherwise the serving "
					+ "revision or the one its last live swap replaced.")
	GuideCurves curves(@PathVariable String id, @RequestParam(required = false) String revision) {
		return (revision == null) ? this.registry.curves(id) : this.registry.curves(id, revision);
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "What changes from guide 'against' to this guide, as ranges of image counts",
			description = "Both serving revisions are evaluated at every image count from 1 to 1000 and a "
					+ "log-spaced sample to 100000; each range lists the outputs that differ with their values "
					+ "at both ends. Worked out once per pair of revisions.")
	GuideDiff diff(@PathVariable String id, @RequestParam String against) {
		return this.registry.diff(id, against);
	}

}
