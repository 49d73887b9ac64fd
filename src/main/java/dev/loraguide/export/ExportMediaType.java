package dev.loraguide.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a caller asked for the zip: its Accept header, most wanted first, names
 * {@code application/zip} before any type JSON satisfies. JSON is the default.
 */
final class ExportMediaType {

	private static final MediaType ZIP = MediaType.parseMediaType(ExportZip.MEDIA_TYPE);

	private ExportMediaType() {
	}

	static boolean zipWanted(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = new ArrayList<>(MediaType.parseMediaTypes(accept));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (type.includes(MediaType.APPLICATION_JSON)) {
				return false;
			}
			if (type.includes(ZIP)) {
				return true;
			}
		}
		return false;
	}

}
