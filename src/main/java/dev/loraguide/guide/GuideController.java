package dev.loraguide.guide;

import java.util.Collection;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guides as served. The guide GETs and the curves carry an {@code ETag} (the revision,
 * see {@link GuideTags}) and answer {@code If-None-Match} with 304, so a caller polling
 * for a new revision downloads nothing until there is one. They say {@code Cache-Control:
 * no-cache, private} rather than the default {@code no-store}: a browser keeps the answer
 * and asks again with its tag, so reloading the guide page sends no curves it already
 * has.
 */
@RestController
@RequestMapping("/api/v1/guides")
@Tag(name = "Guides", description = "The training guides the service loads from its rules folder")
class GuideController {

	private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

	private final GuideRegistry registry;

	GuideController(GuideRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	@Operation(summary = "List the guides with the revision each serves")
	@Parameter(in = ParameterIn.HEADER, name = "If-None-Match", description = "The ETag of an earlier answer",
			schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200", description = "The guides",
			headers = @Header(name = "ETag", description = "Changes whenever a guide's revision does"))
	@ApiResponse(responseCode = "304", description = "Nothing changed since the ETag given in If-None-Match",
			content = @Content)
	ResponseEntity<List<GuideSummary>> list() {
		Collection<GuideState> states = this.registry.states();
		return ResponseEntity.ok()
			.eTag(GuideTags.ofList(states))
			.cacheControl(REVALIDATE)
			.body(states.stream().map((state) -> GuideSummary.of(state, this.registry.defaultGuideId())).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One guide with its preset table, derived by evaluating the guide over image counts")
	@Parameter(in = ParameterIn.HEADER, name = "If-None-Match", description = "The ETag of an earlier answer",
			schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200", description = "The guide",
			headers = @Header(name = "ETag", description = "The revision being served"))
	@ApiResponse(responseCode = "304", description = "The guide still serves the revision given in If-None-Match",
			content = @Content)
	@ApiResponse(responseCode = "404", description = "unknown_guide: no guide of that id is loaded")
	ResponseEntity<GuideDetails> get(@PathVariable String id) {
		GuideState state = this.registry.states()
			.stream()
			.filter((candidate) -> candidate.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new UnknownGuideException(id));
		String tag = GuideTags.of(state);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (tag != null) {
			answer.eTag(tag).cacheControl(REVALIDATE);
		}
		return answer.body(GuideDetails.of(state, this.registry.defaultGuideId(), this.registry.lastChange(id)));
	}

	@GetMapping("/{id}/curves")
	@Operation(summary = "A guide's answer at every image count from 1 to 1000 and a log-spaced sample to 100000",
			description = "For a dataset with no actor and no overrides: the data of the guide page's curves. "
					+ "Worked out once per revision. Without revision: the serving one; otherwise the serving "
					+ "revision or the one its last live swap replaced.")
	@Parameter(in = ParameterIn.HEADER, name = "If-None-Match", description = "The ETag of an earlier answer",
			schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200", description = "The curves",
			headers = @Header(name = "ETag", description = "The revision evaluated, as a weak tag"))
	@ApiResponse(responseCode = "304", description = "The revision evaluated is the one given in If-None-Match",
			content = @Content)
	@ApiResponse(responseCode = "404",
			description = "unknown_guide: no guide of that id serves; unknown_revision: that revision is not kept")
	ResponseEntity<GuideCurves> curves(@PathVariable String id, @RequestParam(required = false) String revision) {
		GuideCurves curves = (revision == null) ? this.registry.curves(id) : this.registry.curves(id, revision);
		// Weak: the same curves go gzipped or not, and Tomcat compresses no answer with a
		// strong tag.
		return ResponseEntity.ok().eTag("W/\"" + curves.revision() + "\"").cacheControl(REVALIDATE).body(curves);
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
