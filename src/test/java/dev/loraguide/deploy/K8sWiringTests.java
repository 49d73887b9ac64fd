package dev.loraguide.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes objects select, target and mount each other consistently. */
class K8sWiringTests {

	private static final Map<String, Object> podLabels = YamlTree.mapAt(DeployFiles.k8sObject("Deployment"), "spec",
			"template", "metadata", "labels");

	@Test
	void deploymentRunsThreeReplicasOfItsPods() {
		Map<String, Object> spec = YamlTree.mapAt(DeployFiles.k8sObject("Deployment"), "spec");
		assertThat(spec).containsEntry("replicas", 3);
		assertThat(podLabels).containsAllEntriesOf(selector(spec));
	}

	@Test
	void serviceSendsTrafficToTheHttpPortOfThePods() {
		Map<String, Object> spec = YamlTree.mapAt(DeployFiles.k8sObject("Service"), "spec");
		assertThat(podLabels).containsAllEntriesOf(YamlTree.map(spec.get("selector")));
		assertThat(YamlTree.maps(spec.get("ports"))).extracting((port) -> port.get("targetPort"))
			.containsExactly("http");
		assertThat(containerPorts()).containsEntry("http", ServiceSettings.port());
	}

	@Test
	void disruptionBudgetCoversThePods() {
		Map<String, Object> spec = YamlTree.mapAt(DeployFiles.k8sObject("PodDisruptionBudget"), "spec");
		assertThat(podLabels).containsAllEntriesOf(selector(spec));
	}

	@Test
	void autoscalerScalesTheDeploymentOnCpuFromThreeReplicas() {
		Map<String, Object> spec = YamlTree.mapAt(DeployFiles.k8sObject("HorizontalPodAutoscaler"), "spec");
		assertThat(YamlTree.mapAt(spec, "scaleTargetRef")).containsEntry("kind", "Deployment")
			.containsEntry("name", YamlTree.at(DeployFiles.k8sObject("Deployment"), "metadata", "name"));
		assertThat(spec).containsEntry("minReplicas", 3);
		assertThat(YamlTree.maps(spec.get("metrics"))).extracting((metric) -> YamlTree.at(metric, "resource", "name"))
			.containsExactly("cpu");
		Map<String, Object> requests = YamlTree.mapAt(DeployFiles.appContainer(), "resources", "requests");
		assertThat(requests).as("CPU utilisation is measured against the request").containsKey("cpu");
	}

	@Test
	void guidesDirIsTheFolderGitSyncPublishes() {
		String guidesDir = DeployFiles.environment(DeployFiles.appContainer()).get("GUIDES_DIR");
		for (Map<String, Object> gitSync : DeployFiles.gitSyncContainers()) {
			Map<String, String> environment = DeployFiles.environment(gitSync);
			String link = environment.get("GITSYNC_ROOT") + "/" + environment.get("GITSYNC_LINK");
			assertThat(guidesDir).startsWith(link + "/");
			assertThat(mountPaths(gitSync)).containsEntry("guides",
					mountPaths(DeployFiles.appContainer()).get("guides"));
		}
		assertThat(DeployFiles.gitSyncContainers()).hasSize(2);
		assertThat(DeployFiles.environment(YamlTree.maps(DeployFiles.podSpec().get("initContainers")).get(0)))
			.as("the first sync finishes before the service starts")
			.containsEntry("GITSYNC_ONE_TIME", "true");
	}

	@Test
	void everyVolumeMountHasAVolume() {
		Set<String> volumes = YamlTree.maps(DeployFiles.podSpec().get("volumes"))
			.stream()
			.map((volume) -> String.valueOf(volume.get("name")))
			.collect(Collectors.toSet());
		assertThat(DeployFiles.podContainers())
			.allSatisfy((container) -> assertThat(volumes).containsAll(mountPaths(container).keySet()));
	}

	@Test
	void everySecretReferenceIsInTheSecretsTemplate() {
		Map<String, Object> generator = YamlTree.maps(YamlTree.yaml(DeployFiles.KUSTOMIZATION).get("secretGenerator"))
			.get(0);
		Map<String, String> template = DeployFiles.envFile(DeployFiles.SECRETS_EXAMPLE);
		List<Map<String, Object>> references = YamlTree.maps(DeployFiles.appContainer().get("env"))
			.stream()
			.filter((variable) -> variable.containsKey("valueFrom"))
			.map((variable) -> YamlTree.mapAt(variable, "valueFrom", "secretKeyRef"))
			.toList();
		assertThat(references).isNotEmpty().allSatisfy((reference) -> {
			assertThat(reference.get("name")).isEqualTo(generator.get("name"));
			assertThat(template).containsKey(String.valueOf(reference.get("key")));
		});
	}

	@Test
	void kubeletWaitsLongerThanTheServiceTakesToShutDown() {
		int grace = (Integer) DeployFiles.podSpec().get("terminationGracePeriodSeconds");
		List<Object> preStop = YamlTree
			.list(YamlTree.at(DeployFiles.appContainer(), "lifecycle", "preStop", "exec", "command"));
		Duration drain = Duration.ofSeconds(Long.parseLong(String.valueOf(preStop.get(1))));
		assertThat(Duration.ofSeconds(grace)).isGreaterThan(drain.plus(ServiceSettings.shutdownTimeout()));
	}

	static Map<String, Object> selector(Map<String, Object> spec) {
		return YamlTree.mapAt(spec, "selector", "matchLabels");
	}

	static Map<String, Object> containerPorts() {
		return YamlTree.maps(DeployFiles.appContainer().get("ports"))
			.stream()
			.collect(Collectors.toMap((port) -> String.valueOf(port.get("name")), (port) -> port.get("containerPort")));
	}

	private static Map<String, String> mountPaths(Map<String, Object> container) {
		return YamlTree.maps(container.getOrDefault("volumeMounts", List.of()))
			.stream()
			.collect(Collectors.toMap((mount) -> String.valueOf(mount.get("name")),
					(mount) -> String.valueOf(mount.get("mountPath"))));
	}

}
