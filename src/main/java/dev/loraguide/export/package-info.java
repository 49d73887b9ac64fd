/**
 * Export: a recommendation written as the trainer's own config files (kohya sd-scripts,
 * ai-toolkit, fluxgym), ready to launch. Each trainer has one {@link TrainerMapping} that
 * holds its key names, units and conflicts as data; {@link ConfigWriter} is the one path
 * that turns any mapping's trees into files. Where a trainer cannot express the guide,
 * the mapping resolves the conflict and reports it as a {@link LossyMapping}, in the
 * answer and at the top of every file. Served by
 * {@code /api/v1/recommendations/{id}/export} and the jar's {@code export} command.
 */
package dev.loraguide.export;
