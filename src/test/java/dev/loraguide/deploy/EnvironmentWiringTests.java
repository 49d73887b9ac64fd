package dev.loraguide.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the image, Compose or Kubernetes gives the service is one
 * the service reads, through a documented setting or a placeholder in application.yaml: a
 * misspelt name would otherwise be ignored without a word.
 */
class EnvironmentWiringTests {

	private static final ConfigurationMetadata settings = ConfigurationMetadata.fromClasspath();

	static List<AppEnvironment> appEnvironment() {
		return AppEnvironment.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("appEnvironment")
	void variableIsASettingTheServiceReads(AppEnvironment variable) {
		assertThat(settings.settingFor(variable.name()).isPresent()
				|| ServiceSettings.placeholders().contains(variable.name()))
			.as("%s: no setting of the service binds to it and application.yaml does not read it", variable)
			.isTrue();
	}

	@Test
	void relaxedBindingMapsVariablesToTheirSettings() {
		assertThat(settings.settingFor("GUIDES_DIR")).contains("guides.dir");
		assertThat(settings.settingFor("GUIDES_MAX_RULE_FIRINGS")).contains("guides.max-rule-firings");
		assertThat(settings.settingFor("SPRING_DATASOURCE_URL")).contains("spring.datasource.url");
		assertThat(settings.settingFor("GUIDES_DIRECTORY")).isEmpty();
	}

	@Test
	void everyDeploymentSetsTheGuidesFolderTheDatabaseAndTheAdminToken() {
		assertThat(AppEnvironment.all())
			.filteredOn((variable) -> variable.file().startsWith(DeployFiles.K8S.toString()))
			.extracting(AppEnvironment::name)
			.contains("GUIDES_DIR", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
					"GUIDES_ADMIN_TOKEN");
		assertThat(DeployFiles.composeEnvironment(DeployFiles.APP_SERVICE)).containsKeys("GUIDES_DIR",
				"SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
				"GUIDES_ADMIN_TOKEN");
	}

}
