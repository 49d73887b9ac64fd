/**
 * A/B tests between guides. The experiments file ({@code experiments.yaml} in the rules
 * folder) declares which guides compete and with what weights; it is validated and
 * reloaded like a guide. {@link dev.loraguide.experiment.ExperimentAssigner} puts an
 * actor into a variant with GrowthBook's hash, so any GrowthBook SDK reproduces the
 * split. Outcomes and results read the recorded decisions through
 * {@link dev.loraguide.experiment.ExperimentLedger} and
 * {@link dev.loraguide.experiment.OutcomeStore}, which the decision log implements, so
 * this module depends on guides only.
 */
package dev.loraguide.experiment;
