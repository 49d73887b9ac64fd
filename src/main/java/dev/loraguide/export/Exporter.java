package dev.loraguide.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exports a recommendation for a trainer: the trainer's mapping makes the trees, the
 * command and the lossy mappings; the writer makes the files and the launch script.
 */
public final class Exporter {

	private static final Map<TrainerFormat, TrainerMapping> MAPPINGS = Map.of(TrainerFormat.KOHYA, new KohyaMapping(),
			TrainerFormat.AI_TOOLKIT, new AiToolkitMapping(), TrainerFormat.FLUXGYM, new FluxgymMapping());

	private final ConfigWriter writer = new ConfigWriter();

	/**
	 * The trainer's files for a recommendation.
	 * @throws InvalidExportOptionException when an option does not fit the format
	 */
	public TrainerExport export(ExportSource source, TrainerFormat format, ExportOptions options) {
		ExportPlan plan = MAPPINGS.get(format).map(source, options.settle(format, source));
		List<String> note = ProvenanceNote.lines(format, source, plan.lossy());
		List<ExportFile> files = new ArrayList<>();
		plan.documents().forEach((document) -> files.add(this.writer.write(document, note)));
		files.add(this.writer.script(plan.command(), note));
		return new TrainerExport(format.id(), source.recommendationId(),
				new TrainerExport.GuideRevision(source.guideId(), source.guideRevision()), List.copyOf(files),
				PosixShell.command(plan.command()), plan.lossy());
	}

}
