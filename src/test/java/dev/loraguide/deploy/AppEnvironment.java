package dev.loraguide.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment variables that the deployment files hand to the service itself (not to
 * PostgreSQL, Grafana or git-sync).
 *
 * @param file where the variable is set
 * @param name the variable
 * @param value its value as written (compose interpolation and Kubernetes references
 * unresolved)
 */
record AppEnvironment(String file, String name, String value) {

	static List<AppEnvironment> all() {
		List<AppEnvironment> variables = new ArrayList<>();
		add(variables, DeployFiles.DOCKERFILE + " (ENV)", Dockerfile.read(DeployFiles.DOCKERFILE).environment());
		add(variables, DeployFiles.POM + " (jib environment)", JibConfiguration.read().environment());
		add(variables, DeployFiles.COMPOSE + " (service app)", DeployFiles.composeEnvironment(DeployFiles.APP_SERVICE));
		for (Map<String, Object> variable : YamlTree.maps(DeployFiles.appContainer().getOrDefault("env", List.of()))) {
			variables
				.add(new AppEnvironment(DeployFiles.K8S + " Deployment (container " + DeployFiles.APP_CONTAINER + ")",
						String.valueOf(variable.get("name")),
						String.valueOf(variable.getOrDefault("value", "(from a reference)"))));
		}
		return variables;
	}

	private static void add(List<AppEnvironment> variables, String file, Map<String, String> environment) {
		environment.forEach((name, value) -> variables.add(new AppEnvironment(file, name, value)));
	}

	@Override
	public String toString() {
		return this.name + " in " + this.file;
	}

}
