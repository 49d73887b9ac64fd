package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.GuideSource;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folder layout git-sync publishes in the Kubernetes pod: one worktree per commit and
 * a link swapped atomically to the newest. With {@code GUIDES_DIR} set as in the
 * Deployment, a rescan after the swap serves the new commit, and the {@code guides}
 * health component shows the revision that every replica computes from the same files.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GitSyncLayoutTests {

	private static final String GUIDE = "flux-lora";

	@TempDir
	static Path gitSyncRoot;

	@LocalServerPort
	private int port;

	@Autowired
	private GuideRegistry registry;

	@DynamicPropertySource
	static void guidesDirAsInTheDeployment(DynamicPropertyRegistry properties) {
		worktree("1111111", "");
		worktree("2222222", "\n// an ML lead's edit\n");
		publish("1111111");
		Map<String, String> gitSync = DeployFiles.environment(DeployFiles.gitSyncContainers().get(0));
		String guidesDirInPod = DeployFiles.environment(DeployFiles.appContainer()).get("GUIDES_DIR");
		Path guidesDir = gitSyncRoot
			.resolve(Path.of(gitSync.get("GITSYNC_ROOT")).relativize(Path.of(guidesDirInPod)).toString());
		properties.add("guides.dir", guidesDir::toString);
	}

	@Test
	void rescanAfterTheLinkMovesServesTheNewCommit() {
		assertThat(servedRevision()).isEqualTo(revisionAt("1111111"));

		publish("2222222");
		this.registry.reload();

		assertThat(servedRevision()).isEqualTo(revisionAt("2222222")).isNotEqualTo(revisionAt("1111111"));
	}

	private String servedRevision() {
		String health = new ServiceHttp(this.port).getAsAdmin("/actuator/health/guides").body();
		return JsonMapper.builder()
			.build()
			.readTree(health)
			.path("details")
			.path(GUIDE)
			.path("revision")
			.stringValue("");
	}

	private static String revisionAt(String commit) {
		return GuideSource.read(gitSyncRoot.resolve(".worktrees").resolve(commit).resolve("rules").resolve(GUIDE))
			.revision();
	}

	/**
	 * A checkout of the repository at one commit: the shipped rules/, with an edit
	 * appended.
	 */
	private static void worktree(String commit, String presetsEdit) {
		Path rules = gitSyncRoot.resolve(".worktrees").resolve(commit).resolve("rules");
		DeployFiles.copyShippedGuides(rules);
		try {
			Files.writeString(rules.resolve(GUIDE).resolve("presets.drl"), presetsEdit, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points the link at a commit the way git-sync does: a new link renamed over the old
	 * one.
	 */
	private static void publish(String commit) {
		Path link = gitSyncRoot
			.resolve(DeployFiles.environment(DeployFiles.gitSyncContainers().get(0)).get("GITSYNC_LINK"));
		try {
			Path next = link.resolveSibling(link.getFileName() + ".next");
			Files.createSymbolicLink(next, Path.of(".worktrees", commit));
			Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
