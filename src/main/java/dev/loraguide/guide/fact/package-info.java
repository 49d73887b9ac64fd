/**
 * The fact model of guides: what a rule file matches ({@link ActorDataset}) and fills
 * ({@link TrainingPlan}), with the values they carry. The only package a rule file may
 * import; the guardrails refuse any other import.
 */
@NamedInterface("fact")
package dev.loraguide.guide.fact;

import org.springframework.modulith.NamedInterface;
