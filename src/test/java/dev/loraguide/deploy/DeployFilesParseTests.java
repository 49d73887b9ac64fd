package dev.loraguide.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file under docker/ parses as what its tool expects. */
class DeployFilesParseTests {

	@Test
	void composeFileDefinesTheServiceItsBalancerDatabasePrometheusAndGrafana() {
		assertThat(YamlTree.map(YamlTree.yaml(DeployFiles.COMPOSE).get("services"))).containsOnlyKeys("app", "lb",
				"postgres", "prometheus", "grafana");
	}

	static List<Path> k8sManifests() {
		return DeployFiles.k8sManifests();
	}

	@ParameterizedTest
	@MethodSource("k8sManifests")
	void k8sManifestIsKubernetesObjects(Path manifest) {
		List<Object> documents = YamlTree.yamlDocuments(manifest);
		assertThat(documents).isNotEmpty().allSatisfy((document) -> {
			Map<String, Object> object = YamlTree.map(document);
			assertThat(object).containsKeys("apiVersion", "kind", "metadata");
			assertThat(YamlTree.map(object.get("metadata"))).containsKey("name");
		});
	}

	@Test
	void kustomizationAppliesEveryManifest() {
		List<String> resources = YamlTree.list(YamlTree.yaml(DeployFiles.KUSTOMIZATION).get("resources"))
			.stream()
			.map(String::valueOf)
			.toList();
		assertThat(resources).containsExactlyInAnyOrderElementsOf(
				DeployFiles.k8sManifests().stream().map((file) -> file.getFileName().toString()).toList());
	}

	@Test
	void k8sHasTheObjectsOfAReplicatedService() {
		assertThat(DeployFiles.k8sObjects()).extracting((object) -> object.get("apiVersion") + " " + object.get("kind"))
			.containsExactlyInAnyOrder("apps/v1 Deployment", "v1 Service", "policy/v1 PodDisruptionBudget",
					"autoscaling/v2 HorizontalPodAutoscaler");
	}

	@Test
	void prometheusScrapesTheServicesMetricsEndpoint() {
		Map<String, Object> job = YamlTree.maps(YamlTree.yaml(DeployFiles.PROMETHEUS).get("scrape_configs")).get(0);
		assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
	}

	@Test
	void grafanaProvisioningIsReadable() {
		assertThat(YamlTree.maps(YamlTree.yaml(DeployFiles.GRAFANA_DATASOURCES).get("datasources"))).singleElement()
			.satisfies((datasource) -> assertThat(datasource).containsEntry("type", "prometheus"));
		assertThat(YamlTree.maps(YamlTree.yaml(DeployFiles.GRAFANA_DASHBOARDS).get("providers"))).singleElement()
			.satisfies((provider) -> assertThat(provider).containsEntry("type", "file"));
	}

	@Test
	void dashboardIsJsonWithPanels() throws Exception {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DeployFiles.DASHBOARD));
		assertThat(dashboard.path("uid").stringValue("")).isEqualTo("lora-guide");
		assertThat(dashboard.path("panels").size()).isPositive();
	}

}
