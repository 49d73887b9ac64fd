package dev.loraguide.experiment;

import dev.loraguide.guide.Guide;

/**
 * An actor's place in an experiment for one request.
 *
 * @param experimentId the experiment
 * @param variant the variant's name
 * @param guide the serving revision of the variant's guide, which answers the request
 * @param forced whether the experiments file forced the variant for this actor; forced
 * actors are left out of the results, as their split is not the experiment's
 */
public record Assignment(String experimentId, String variant, Guide guide, boolean forced) {
}
