package dev.loraguide.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A container image saved as a Docker tarball (what {@code jib:buildTar} writes and
 * {@code docker load} reads): its config and the file paths of each layer, in order.
 *
 * @param config the image config ({@code config.json})
 * @param layers the paths in each layer, bottom layer first
 */
record ImageTar(JsonNode config, List<List<String>> layers) {

	static ImageTar read(Path tar) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, byte[]> metadata = new HashMap<>();
		Map<String, List<String>> layerPaths = new HashMap<>();
		try (TarArchiveInputStream image = new TarArchiveInputStream(
				new BufferedInputStream(Files.newInputStream(tar)))) {
			for (TarArchiveEntry entry = image.getNextEntry(); entry != null; entry = image.getNextEntry()) {
				if (entry.getName().endsWith(".tar.gz")) {
					layerPaths.put(entry.getName(), paths(new GzipCompressorInputStream(image)));
				}
				else if (entry.getName().endsWith(".json")) {
					metadata.put(entry.getName(), image.readAllBytes());
				}
			}
		}
		JsonNode manifest = json.readTree(metadata.get("manifest.json")).get(0);
		List<List<String>> layers = new ArrayList<>();
		for (JsonNode layer : manifest.path("Layers")) {
			layers.add(layerPaths.get(layer.stringValue()));
		}
		return new ImageTar(json.readTree(metadata.get(manifest.path("Config").stringValue())), layers);
	}

	private static List<String> paths(InputStream layer) throws IOException {
		List<String> paths = new ArrayList<>();
		TarArchiveInputStream files = new TarArchiveInputStream(layer);
		for (TarArchiveEntry file = files.getNextEntry(); file != null; file = files.getNextEntry()) {
			if (!file.isDirectory()) {
				paths.add(file.getName());
			}
		}
		return paths;
	}

}
