package dev.loraguide.experiment;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin", description = "Guide operations; need the admin bearer token")
class ExperimentAdminController {

	private final ExperimentRegistry registry;

	ExperimentAdminController(ExperimentRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/v1/admin/experiments")
	@Operation(summary = "The internals of each served experiment: salt and forced actors",
			security = @SecurityRequirement(name = "adminToken"))
	List<ExperimentInternals> internals() {
		return this.registry.current().experiments().stream().map(ExperimentInternals::of).toList();
	}

}
