package dev.loraguide.deploy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose services point at each other and at the files next to them. */
class ComposeWiringTests {

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?+][^}]*)?\\}");

	@Test
	void everyInterpolatedVariableIsInTheEnvExample() {
		Set<String> interpolated = new LinkedHashSet<>();
		Matcher matcher = INTERPOLATION.matcher(DeployFiles.text(DeployFiles.COMPOSE));
		while (matcher.find()) {
			interpolated.add(matcher.group(1));
		}
		assertThat(interpolated).isNotEmpty();
		assertThat(DeployFiles.envFile(DeployFiles.ENV_EXAMPLE)).containsKeys(interpolated.toArray(String[]::new));
	}

	@Test
	void serviceUsesTheComposeDatabaseWithItsCredentials() {
		Map<String, String> app = DeployFiles.composeEnvironment(DeployFiles.APP_SERVICE);
		Map<String, String> postgres = DeployFiles.composeEnvironment("postgres");
		assertThat(app.get("SPRING_DATASOURCE_URL"))
			.isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
		assertThat(app.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
		assertThat(app.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
	}

	@Test
	void serviceStartsOnceTheDatabaseIsHealthy() {
		assertThat(YamlTree.mapAt(DeployFiles.composeService(DeployFiles.APP_SERVICE), "depends_on", "postgres"))
			.containsEntry("condition", "service_healthy");
		assertThat(DeployFiles.composeService("postgres")).containsKey("healthcheck");
	}

	@Test
	void hostGuidesAreMountedWhereTheServiceReadsThem() {
		String guidesDir = DeployFiles.composeEnvironment(DeployFiles.APP_SERVICE).get("GUIDES_DIR");
		assertThat(YamlTree.list(DeployFiles.composeService(DeployFiles.APP_SERVICE).get("volumes")))
			.contains("../rules:" + guidesDir + ":ro");
		assertThat(DeployFiles.COMPOSE.getParent().resolve("../rules/flux-lora")).isDirectory();
	}

	@Test
	void prometheusScrapesTheServiceOnItsManagementPort() {
		Map<String, Object> job = YamlTree.maps(YamlTree.yaml(DeployFiles.PROMETHEUS).get("scrape_configs")).get(0);
		Map<String, Object> replicas = YamlTree.maps(job.get("dns_sd_configs")).get(0);
		assertThat(YamlTree.list(replicas.get("names"))).containsExactly(DeployFiles.APP_SERVICE);
		assertThat(replicas).containsEntry("type", "A")
			.containsEntry("port", Integer.parseInt(DeployFiles.managementPort()));
		assertThat(YamlTree.list(DeployFiles.composeService("prometheus").get("volumes")))
			.contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
	}

	@Test
	void threeReplicasServeBehindHaproxyCheckingTheirReadiness() {
		assertThat(YamlTree.at(DeployFiles.composeService(DeployFiles.APP_SERVICE), "deploy", "replicas")).isEqualTo(3);
		Matcher servers = ProbeWiringTests.haproxy(Pattern.compile("server-template \\S+ (\\d+) (\\S+):"));
		assertThat(servers.group(1)).isEqualTo("3");
		assertThat(servers.group(2)).isEqualTo(DeployFiles.APP_SERVICE);
		assertThat(ProbeWiringTests.haproxy(Pattern.compile("option httpchk GET (\\S+)")).group(1))
			.isEqualTo(YamlTree.at(DeployFiles.appContainer(), "readinessProbe", "httpGet", "path"));
		assertThat(YamlTree.list(DeployFiles.composeService("lb").get("volumes")))
			.contains("./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
		assertThat(YamlTree.mapAt(DeployFiles.composeService("lb"), "depends_on", DeployFiles.APP_SERVICE))
			.containsEntry("condition", "service_healthy");
	}

	@Test
	void grafanaReadsTheProvisionedDatasourceFromPrometheus() {
		Map<String, Object> datasource = YamlTree
			.maps(YamlTree.yaml(DeployFiles.GRAFANA_DATASOURCES).get("datasources"))
			.get(0);
		assertThat(datasource).containsEntry("url", "http://prometheus:9090");
		assertThat(YamlTree.list(DeployFiles.composeService("grafana").get("volumes"))).contains(
				"./grafana/provisioning:/etc/grafana/provisioning:ro",
				"./grafana/dashboards:/var/lib/grafana/dashboards:ro");
		assertThat(YamlTree.mapAt(YamlTree.maps(YamlTree.yaml(DeployFiles.GRAFANA_DASHBOARDS).get("providers")).get(0),
				"options"))
			.containsEntry("path", "/var/lib/grafana/dashboards");
	}

	@Test
	void dockerWaitsLongerThanTheServiceTakesToShutDown() {
		Duration stopGrace = DurationStyle.detectAndParse(
				String.valueOf(DeployFiles.composeService(DeployFiles.APP_SERVICE).get("stop_grace_period")));
		assertThat(stopGrace).isGreaterThan(ServiceSettings.shutdownTimeout());
	}

}
