package dev.loraguide.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An export's files as a zip, to unpack where the trainer runs. */
final class ExportZip {

	static final String MEDIA_TYPE = "application/zip";

	private ExportZip() {
	}

	static byte[] of(TrainerExport export) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (ExportFile file : export.files()) {
				zip.putNextEntry(new ZipEntry(file.path()));
				zip.write(file.content().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The zip's file name: the format and the recommendation. */
	static String fileName(TrainerExport export) {
		return export.format() + "-" + export.recommendationId() + ".zip";
	}

}
