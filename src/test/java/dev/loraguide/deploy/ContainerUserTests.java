package dev.loraguide.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service never runs as root: not in the Dockerfile image, not in the Jib image, not
 * in any container of the Kubernetes pod, and the pod cannot write outside its volumes.
 */
class ContainerUserTests {

	@Test
	void dockerfileImageRunsAsANumericNonRootUser() {
		List<String> users = Dockerfile.read(DeployFiles.DOCKERFILE).finalStage("USER");
		assertThat(users).isNotEmpty();
		assertThat(users.get(users.size() - 1)).satisfies(ContainerUserTests::isNumericNonRoot);
	}

	@Test
	void jibImageRunsAsANumericNonRootUser() {
		assertThat(JibConfiguration.read().user()).satisfies(ContainerUserTests::isNumericNonRoot);
	}

	@Test
	void podRunsAsNonRoot() {
		assertThat(YamlTree.mapAt(DeployFiles.podSpec(), "securityContext")).containsEntry("runAsNonRoot", true)
			.satisfies((context) -> assertThat((Integer) context.get("runAsUser")).isPositive());
	}

	@Test
	void everyContainerHasAReadOnlyRootFilesystemAndNoPrivileges() {
		assertThat(DeployFiles.podContainers()).isNotEmpty().allSatisfy((container) -> {
			Map<String, Object> context = YamlTree.mapAt(container, "securityContext");
			assertThat(context).as("container %s", container.get("name"))
				.containsEntry("readOnlyRootFilesystem", true)
				.containsEntry("allowPrivilegeEscalation", false)
				.doesNotContainEntry("runAsUser", 0)
				.doesNotContainEntry("privileged", true);
			assertThat(YamlTree.list(YamlTree.at(context, "capabilities", "drop"))).containsExactly("ALL");
		});
	}

	@Test
	void serviceHasAWritableTempFolder() {
		assertThat(YamlTree.maps(DeployFiles.appContainer().get("volumeMounts")))
			.anySatisfy((mount) -> assertThat(mount).containsEntry("mountPath", "/tmp").doesNotContainKey("readOnly"));
	}

	private static void isNumericNonRoot(String user) {
		String uid = user.split(":")[0];
		assertThat(uid).as("user %s", user).matches("[0-9]+");
		assertThat(Integer.parseInt(uid)).as("user %s", user).isPositive();
	}

}
