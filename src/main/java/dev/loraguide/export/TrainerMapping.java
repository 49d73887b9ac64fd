package dev.loraguide.export;

/**
 * One trainer's view of a recommendation: its key names, units and the conflicts it
 * resolves. It makes trees and words; {@link ConfigWriter} writes them.
 */
interface TrainerMapping {

	ExportPlan map(ExportSource source, ExportSettings settings);

}
