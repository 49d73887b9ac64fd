package dev.loraguide.export;

import java.util.List;

/**
 * What a {@link TrainerMapping} makes of a recommendation: the config files as trees, the
 * launch command as words, and where the trainer could not take what the guide said.
 *
 * @param documents the config files
 * @param command the launch command, one word per element, unquoted
 * @param lossy the lossy mappings, in parameter order
 */
record ExportPlan(List<ConfigDocument> documents, List<String> command, List<LossyMapping> lossy) {
}
