package dev.loraguide.guide;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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
			.map(GuideDetails::of)
			.orElseThrow(() -> new UnknownGuideException(id));
	}

}
