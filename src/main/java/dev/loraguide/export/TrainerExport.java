package dev.loraguide.export;

import java.util.List;
import java.util.UUID;

/**
 * A recommendation written as one trainer's files.
 *
 * @param format the trainer's format id
 * @param recommendationId the recommendation exported, null for an offline export
 * @param guide the guide revision that made it
 * @param files the files, ready to write or zip
 * @param command the launch command, quoted for POSIX shells, run from the folder the
 * files are in
 * @param lossy where the trainer could not take what the guide said
 */
public record TrainerExport(String format, UUID recommendationId, GuideRevision guide, List<ExportFile> files,
		String command, List<LossyMapping> lossy) {

	/**
	 * The guide revision a recommendation came from.
	 *
	 * @param id guide id
	 * @param revision content hash of its files
	 */
	public record GuideRevision(String id, String revision) {
	}

}
