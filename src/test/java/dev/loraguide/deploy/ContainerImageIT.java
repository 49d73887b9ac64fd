package dev.loraguide.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image Jib builds from pom.xml, read from the tarball that {@code verify} writes
 * with the image-layout execution (an empty base instead of the JRE, which needs a
 * registry), and the Dockerfile's layers compared with the ones in the Boot jar
 * {@code package} wrote. Runs in the integration-test phase because both files exist only
 * after {@code package}.
 */
class ContainerImageIT {

	private static final Path IMAGE = Path.of("target/jib-image-layout.tar");

	private static final Pattern LAYER_COPY = Pattern.compile("--from=build /layers/([a-z-]+)/ ");

	private static ImageTar image;

	private static JsonNode config;

	@BeforeAll
	static void readImage() throws IOException {
		assertThat(IMAGE).as("written by the jib image-layout execution in pre-integration-test").exists();
		image = ImageTar.read(IMAGE);
		config = image.config().path("config");
	}

	@Test
	void imageRunsAsANumericNonRootUser() {
		String uid = config.path("User").stringValue("").split(":")[0];
		assertThat(uid).matches("[0-9]+");
		assertThat(Integer.parseInt(uid)).isPositive();
	}

	@Test
	void imageStartsTheServiceWithAHeapSizedByTheContainer() {
		assertThat(config.path("Entrypoint").valueStream().map((part) -> part.stringValue("")).toList())
			.startsWith("java")
			.contains("-XX:MaxRAMPercentage=75")
			.endsWith("dev.loraguide.LoraGuideApplication");
	}

	@Test
	void imageExposesTheServicePortAndTheManagementPortItSets() {
		String managementPort = config.path("Env")
			.valueStream()
			.map((variable) -> variable.stringValue(""))
			.filter((variable) -> variable.startsWith("MANAGEMENT_SERVER_PORT="))
			.map((variable) -> variable.substring(variable.indexOf('=') + 1))
			.findFirst()
			.orElseThrow();
		assertThat(config.path("ExposedPorts").propertyNames())
			.containsExactlyInAnyOrder(ServiceSettings.port() + "/tcp", managementPort + "/tcp");
	}

	@Test
	void imageServesTheShippedGuidesFromGuidesDir() throws IOException {
		assertThat(config.path("Env").valueStream().map((variable) -> variable.stringValue("")).toList())
			.contains("GUIDES_DIR=/app/rules");
		List<String> shipped;
		try (Stream<Path> files = Files.walk(Path.of("rules"))) {
			shipped = files.filter(Files::isRegularFile)
				.map((file) -> "app/" + file.toString().replace('\\', '/'))
				.toList();
		}
		assertThat(image.layers()).anySatisfy((layer) -> assertThat(layer).containsAll(shipped));
	}

	@Test
	void dependenciesShipInALayerOfTheirOwn() {
		assertThat(image.layers()).anySatisfy((layer) -> assertThat(layer).isNotEmpty()
			.allSatisfy((path) -> assertThat(path).startsWith("app/libs/").endsWith(".jar")));
	}

	@Test
	void dockerfileCopiesEveryLayerOfTheBootJarInOrder() throws Exception {
		List<String> copied = new ArrayList<>();
		for (String copy : Dockerfile.read(DeployFiles.DOCKERFILE).finalStage("COPY")) {
			Matcher layer = LAYER_COPY.matcher(copy);
			if (layer.find()) {
				copied.add(layer.group(1));
			}
		}
		assertThat(copied).containsExactlyElementsOf(bootJarLayers());
	}

	private static List<String> bootJarLayers() throws IOException, InterruptedException {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter((file) -> file.getFileName().toString().equals("lora-guide.jar"))
				.findFirst()
				.orElseThrow();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		Process listLayers = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "list-layers")
			.redirectErrorStream(true)
			.start();
		String output = new String(listLayers.getInputStream().readAllBytes());
		assertThat(listLayers.waitFor()).as(output).isZero();
		return output.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
