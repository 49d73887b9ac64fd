package dev.loraguide.recommend;

import dev.loraguide.ApiClient;
import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.GuideState;
import dev.loraguide.guide.PresetRow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every preset of every serving guide has its recommendation counter from the start, so a
 * dashboard shows zero, not a gap, before the first answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RecommendationMetersTests {

	@LocalServerPort
	private int port;

	@Autowired
	private GuideRegistry guides;

	@Test
	void everyPresetOfEveryServingGuideIsScrapedBeforeItsFirstAnswer() {
		String scrape = new ApiClient(this.port).get("/actuator/prometheus").body();
		assertThat(this.guides.states()).filteredOn(GuideState::isServing).hasSizeGreaterThanOrEqualTo(2);
		for (GuideState state : this.guides.states()) {
			for (PresetRow row : state.active().presetTable().rows()) {
				assertThat(scrape).contains("lora_recommendations_total{experiment=\"none\",guide=\"" + state.id()
						+ "\",preset=\"" + row.preset() + "\",variant=\"none\"}");
			}
		}
	}

}
