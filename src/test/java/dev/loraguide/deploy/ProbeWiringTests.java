package dev.loraguide.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path an orchestrator or Prometheus calls answers on a running service, and every
 * file calls the port the service listens on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProbeWiringTests {

	private static final Pattern COMPOSE_HEALTHCHECK = Pattern
		.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP");

	@LocalServerPort
	private int port;

	record Probe(String caller, String path) {

		@Override
		public String toString() {
			return this.caller + " " + this.path;
		}

	}

	static List<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		Map<String, Object> container = DeployFiles.appContainer();
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			probes.add(new Probe("k8s " + probe, String.valueOf(YamlTree.at(container, probe, "httpGet", "path"))));
		}
		Object annotations = YamlTree.at(DeployFiles.k8sObject("Deployment"), "spec", "template", "metadata",
				"annotations");
		probes.add(new Probe("k8s prometheus.io/path annotation",
				String.valueOf(YamlTree.at(annotations, "prometheus.io/path"))));
		probes.add(new Probe("compose healthcheck", composeHealthcheck().group(2)));
		probes.add(new Probe("prometheus scrape",
				String.valueOf(YamlTree.maps(YamlTree.yaml(DeployFiles.PROMETHEUS).get("scrape_configs"))
					.get(0)
					.get("metrics_path"))));
		return probes;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("probes")
	void probePathAnswersOnARunningService(Probe probe) {
		assertThat(new ServiceHttp(this.port).get(probe.path()).statusCode()).as(probe.toString()).isEqualTo(200);
	}

	@Test
	void everyFileCallsThePortTheServiceListensOn() {
		String port = String.valueOf(ServiceSettings.port());
		Map<String, Object> container = DeployFiles.appContainer();
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(YamlTree.at(container, probe, "httpGet", "port")).as(probe).isEqualTo("http");
		}
		assertThat(K8sWiringTests.containerPorts()).containsEntry("http", ServiceSettings.port());
		assertThat(YamlTree.at(DeployFiles.k8sObject("Deployment"), "spec", "template", "metadata", "annotations",
				"prometheus.io/port"))
			.isEqualTo(port);
		assertThat(Dockerfile.read(DeployFiles.DOCKERFILE).finalStage("EXPOSE")).containsExactly(port);
		assertThat(JibConfiguration.read().ports()).containsExactly(port);
		assertThat(composeHealthcheck().group(1)).isEqualTo(port);
		assertThat(YamlTree.list(DeployFiles.composeService(DeployFiles.APP_SERVICE).get("ports")))
			.containsExactly(port + ":" + port);
	}

	private static Matcher composeHealthcheck() {
		String command = String.join(" ",
				YamlTree.list(YamlTree.at(DeployFiles.composeService(DeployFiles.APP_SERVICE), "healthcheck", "test"))
					.stream()
					.map(String::valueOf)
					.toList());
		Matcher matcher = COMPOSE_HEALTHCHECK.matcher(command);
		assertThat(matcher.find()).as("compose healthcheck calls a path on a port: %s", command).isTrue();
		return matcher;
	}

}
