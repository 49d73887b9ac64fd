package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the files under {@code docker/} are, and the lookups into them that the wiring
 * tests share. Paths are relative to the project folder, where Maven runs the tests.
 */
final class DeployFiles {

	static final Path DOCKER = Path.of("docker");

	static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");

	static final Path COMPOSE = DOCKER.resolve("compose.yaml");

	static final Path ENV_EXAMPLE = DOCKER.resolve(".env.example");

	static final Path PROMETHEUS = DOCKER.resolve("prometheus/prometheus.yml");

	static final Path GRAFANA_DATASOURCES = DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml");

	static final Path GRAFANA_DASHBOARDS = DOCKER.resolve("grafana/provisioning/dashboards/lora-guide.yaml");

	static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/lora-guide.json");

	static final Path HAPROXY = DOCKER.resolve("haproxy/haproxy.cfg");

	static final Path K8S = DOCKER.resolve("k8s");

	static final Path KUSTOMIZATION = K8S.resolve("kustomization.yaml");

	static final Path SECRETS_EXAMPLE = K8S.resolve("secrets.env.example");

	static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");

	static final Path POM = Path.of("pom.xml");

	static final String APP_SERVICE = "app";

	static final String APP_CONTAINER = "lora-guide";

	private DeployFiles() {
	}

	/** The management port (Actuator, Prometheus) the image sets. */
	static String managementPort() {
		return Dockerfile.read(DOCKERFILE).environment().get("MANAGEMENT_SERVER_PORT");
	}

	static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every Kubernetes manifest: the YAML files in {@code docker/k8s} except the
	 * kustomization.
	 */
	static List<Path> k8sManifests() {
		try (Stream<Path> files = Files.list(K8S)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
				.filter((file) -> !file.equals(KUSTOMIZATION))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Map<String, Object>> k8sObjects() {
		return k8sManifests().stream()
			.flatMap((file) -> YamlTree.yamlDocuments(file).stream())
			.map(YamlTree::map)
			.toList();
	}

	static Map<String, Object> k8sObject(String kind) {
		return k8sObjects().stream()
			.filter((object) -> kind.equals(object.get("kind")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + kind + " in " + K8S));
	}

	static Map<String, Object> podSpec() {
		return YamlTree.mapAt(k8sObject("Deployment"), "spec", "template", "spec");
	}

	/** Init containers and containers of the Deployment's pod. */
	static List<Map<String, Object>> podContainers() {
		Map<String, Object> pod = podSpec();
		List<Map<String, Object>> containers = new ArrayList<>();
		containers.addAll(YamlTree.maps(pod.getOrDefault("initContainers", List.of())));
		containers.addAll(YamlTree.maps(pod.get("containers")));
		return containers;
	}

	static Map<String, Object> appContainer() {
		return YamlTree.maps(podSpec().get("containers"))
			.stream()
			.filter((container) -> APP_CONTAINER.equals(container.get("name")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no container " + APP_CONTAINER + " in the Deployment"));
	}

	/** The containers that run git-sync: the first sync and the sidecar. */
	static List<Map<String, Object>> gitSyncContainers() {
		return podContainers().stream()
			.filter((container) -> String.valueOf(container.get("image")).contains("/git-sync:"))
			.toList();
	}

	/** A container's environment variables that have a literal value. */
	static Map<String, String> environment(Map<String, Object> container) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (Map<String, Object> variable : YamlTree.maps(container.getOrDefault("env", List.of()))) {
			if (variable.containsKey("value")) {
				variables.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
			}
		}
		return variables;
	}

	/**
	 * Copies the shipped guides ({@code rules/}) into a folder, as a mount or a checkout
	 * would.
	 */
	static void copyShippedGuides(Path to) {
		Path rules = Path.of("rules");
		try (Stream<Path> files = Files.walk(rules)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(rules.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> composeService(String name) {
		Map<String, Object> services = YamlTree.map(YamlTree.yaml(COMPOSE).get("services"));
		if (!services.containsKey(name)) {
			throw new IllegalStateException("no service " + name + " in " + COMPOSE);
		}
		return YamlTree.map(services.get(name));
	}

	/**
	 * A compose {@code environment}, written either as a map or as a list of NAME=value.
	 */
	static Map<String, String> composeEnvironment(String service) {
		Object environment = composeService(service).getOrDefault("environment", Map.of());
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
		}
		else {
			for (Object entry : YamlTree.list(environment)) {
				String[] nameAndValue = String.valueOf(entry).split("=", 2);
				variables.put(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : "");
			}
		}
		return variables;
	}

	/**
	 * {@code NAME=value} lines, as in {@code .env} files; comments and blank lines
	 * skipped.
	 */
	static Map<String, String> envFile(Path file) {
		Map<String, String> variables = new LinkedHashMap<>();
		text(file).lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.forEach((line) -> {
				String[] nameAndValue = line.split("=", 2);
				variables.put(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : "");
			});
		return variables;
	}

}
