package dev.loraguide.experiment;

/**
 * One arm of an experiment.
 *
 * @param name variant name, unique in its experiment
 * @param guide id of the guide that answers actors in this variant
 * @param weight percentage of enrolled actors sent here; an experiment's weights add up
 * to 100
 */
record Variant(String name, String guide, double weight) {
}
