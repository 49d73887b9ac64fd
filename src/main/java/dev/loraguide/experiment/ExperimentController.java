package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments", description = "A/B tests between guides, declared in the experiments file")
class ExperimentController {

	private final ExperimentRegistry registry;

	private final ExperimentLedger ledger;

	ExperimentController(ExperimentRegistry registry, ExperimentLedger ledger) {
		this.registry = registry;
		this.ledger = ledger;
	}

	@GetMapping
	@Operation(summary = "The experiments being served, and why a newer experiments file was refused if it was")
	ExperimentsOverview list() {
		return ExperimentsOverview.of(this.registry.current());
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "Per variant: assignments and outcome statistics, compared with the control",
			description = "Means with 95 % t confidence intervals, Welch's t-test of each variant against the first "
					+ "(control), and a chi-square sample-ratio check against the weights (flagged when p < 0.001). "
					+ "Actors forced into a variant are left out.")
	@ApiResponse(responseCode = "200", description = "The results")
	@ApiResponse(responseCode = "404", description = "unknown_experiment: no experiment of that id is served")
	ExperimentResults results(@PathVariable String id) {
		Experiment experiment = this.registry.current().find(id);
		if (experiment == null) {
			throw new UnknownExperimentException(id);
		}
		return ExperimentResults.of(experiment, this.ledger.exposures(id), this.ledger.outcomes(id));
	}

}
