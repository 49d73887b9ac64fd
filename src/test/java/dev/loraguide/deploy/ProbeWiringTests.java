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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path an orchestrator or Prometheus calls answers on a running service, on the
 * port it calls: probes on the API port ({@code /livez}, {@code /readyz}), Prometheus on
 * the management port the image sets; and every file calls the ports the service listens
 * on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ProbeWiringTests {

	private static final Pattern COMPOSE_HEALTHCHECK = Pattern
		.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP");

	private static final Pattern HAPROXY_CHECK = Pattern.compile("option httpchk GET (\\S+)");

	private static final Pattern HAPROXY_SERVERS = Pattern.compile("server-template \\S+ (\\d+) (\\S+):(\\d+) ");

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	/**
	 * @param caller who calls
	 * @param path the path it calls
	 * @param management whether it calls the management port rather than the API port
	 */
	record Probe(String caller, String path, boolean management) {

		@Override
		public String toString() {
			return this.caller + " " + this.path;
		}

	}

	static List<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		Map<String, Object> container = DeployFiles.appContainer();
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			probes.add(
					new Probe("k8s " + probe, String.valueOf(YamlTree.at(container, probe, "httpGet", "path")), false));
		}
		Object annotations = YamlTree.at(DeployFiles.k8sObject("Deployment"), "spec", "template", "metadata",
				"annotations");
		probes.add(new Probe("k8s prometheus.io/path annotation",
				String.valueOf(YamlTree.at(annotations, "prometheus.io/path")), true));
		probes.add(new Probe("compose healthcheck", composeHealthcheck().group(2), false));
		probes.add(new Probe("haproxy check", haproxy(HAPROXY_CHECK).group(1), false));
		probes.add(new Probe("prometheus scrape", String.valueOf(
				YamlTree.maps(YamlTree.yaml(DeployFiles.PROMETHEUS).get("scrape_configs")).get(0).get("metrics_path")),
				true));
		return probes;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("probes")
	void probePathAnswersOnARunningService(Probe probe) {
		int port = probe.management() ? this.managementPort : this.port;
		assertThat(new ServiceHttp(port).get(probe.path()).statusCode()).as(probe.toString()).isEqualTo(200);
	}

	@Test
	void theApiPortDoesNotServeTheActuatorWhenTheManagementPortIsSet() {
		assertThat(new ServiceHttp(this.port).get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
	}

	@Test
	void everyFileCallsThePortTheServiceListensOn() {
		String port = String.valueOf(ServiceSettings.port());
		Map<String, Object> container = DeployFiles.appContainer();
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(YamlTree.at(container, probe, "httpGet", "port")).as(probe).isEqualTo("http");
		}
		assertThat(K8sWiringTests.containerPorts()).containsEntry("http", ServiceSettings.port());
		assertThat(Dockerfile.read(DeployFiles.DOCKERFILE).finalStage("EXPOSE")).contains(port);
		assertThat(JibConfiguration.read().ports()).contains(port);
		assertThat(composeHealthcheck().group(1)).isEqualTo(port);
		assertThat(haproxy(HAPROXY_SERVERS).group(3)).isEqualTo(port);
	}

	@Test
	void prometheusScrapesTheManagementPortTheImageSets() {
		String management = DeployFiles.managementPort();
		assertThat(JibConfiguration.read().environment()).containsEntry("MANAGEMENT_SERVER_PORT", management);
		assertThat(Dockerfile.read(DeployFiles.DOCKERFILE).finalStage("EXPOSE")).contains(management);
		assertThat(JibConfiguration.read().ports()).contains(management);
		assertThat(YamlTree.at(DeployFiles.k8sObject("Deployment"), "spec", "template", "metadata", "annotations",
				"prometheus.io/port"))
			.isEqualTo(management);
		assertThat(K8sWiringTests.containerPorts()).containsEntry("management", Integer.parseInt(management));
		assertThat(YamlTree.list(DeployFiles.composeService(DeployFiles.APP_SERVICE).get("ports"))).singleElement()
			.asString()
			.startsWith("127.0.0.1:")
			.endsWith(":" + management);
		assertThat(YamlTree.maps(
				YamlTree.maps(YamlTree.yaml(DeployFiles.PROMETHEUS).get("scrape_configs")).get(0).get("dns_sd_configs"))
			.get(0)).containsEntry("port", Integer.parseInt(management));
		assertThat(YamlTree.maps(YamlTree.mapAt(DeployFiles.k8sObject("Service"), "spec").get("ports")))
			.as("the management port stays out of the Service")
			.extracting((port) -> port.get("targetPort"))
			.containsExactly("http");
	}

	/** The first match of a pattern in the HAProxy configuration of the compose file. */
	static Matcher haproxy(Pattern pattern) {
		Matcher matcher = pattern.matcher(DeployFiles.text(DeployFiles.HAPROXY));
		assertThat(matcher.find()).as("%s in %s", pattern, DeployFiles.HAPROXY).isTrue();
		return matcher;
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
