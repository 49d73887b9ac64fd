package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the watcher compares: file contents, seen through links and past hidden entries,
 * in the layouts guides are deployed in.
 */
class FolderSnapshotTests {

	@TempDir
	Path rules;

	@Test
	void editAdditionAndRemovalAreChanges() throws IOException {
		Path guide = Files.createDirectories(this.rules.resolve("guide"));
		Files.writeString(guide.resolve("a.drl"), "one");
		Files.writeString(guide.resolve("b.drl"), "two");
		FolderSnapshot before = FolderSnapshot.of(this.rules);

		Files.writeString(guide.resolve("a.drl"), "one, edited");
		Files.delete(guide.resolve("b.drl"));
		Files.writeString(this.rules.resolve("experiments.yaml"), "experiments: []");

		assertThat(FolderSnapshot.of(this.rules).changedSince(before)).containsExactlyInAnyOrder(
				Path.of("guide", "a.drl"), Path.of("guide", "b.drl"), Path.of("experiments.yaml"));
	}

	@Test
	void sameContentIsNoChange() throws IOException {
		Path guide = Files.createDirectories(this.rules.resolve("guide"));
		Files.writeString(guide.resolve("a.drl"), "one");
		FolderSnapshot before = FolderSnapshot.of(this.rules);

		RulesFolder.write(guide.resolve("a.drl"), "one");

		assertThat(FolderSnapshot.of(this.rules)).isEqualTo(before);
	}

	@Test
	void hiddenEntriesAreNotContent() throws IOException {
		Path guide = Files.createDirectories(this.rules.resolve("guide"));
		Files.writeString(guide.resolve("a.drl"), "one");
		FolderSnapshot before = FolderSnapshot.of(this.rules);

		Files.writeString(guide.resolve(".a.drl.swp"), "editor state");
		Files.createDirectories(this.rules.resolve(".git"));
		Files.writeString(this.rules.resolve(".git").resolve("HEAD"), "ref: refs/heads/main");

		assertThat(FolderSnapshot.of(this.rules)).isEqualTo(before);
	}

	/**
	 * A Kubernetes ConfigMap volume: each file is a link through {@code ..data}, a link
	 * to a hidden timestamped folder, and an update swaps {@code ..data} alone.
	 */
	@Test
	void configMapUpdateIsSeenThroughItsDataLink() throws IOException {
		Path guide = Files.createDirectories(this.rules.resolve("guide"));
		Files.writeString(Files.createDirectories(guide.resolve("..2024_01_01_v1")).resolve("a.drl"), "one");
		Files.createSymbolicLink(guide.resolve("..data"), Path.of("..2024_01_01_v1"));
		Files.createSymbolicLink(guide.resolve("a.drl"), Path.of("..data", "a.drl"));
		FolderSnapshot before = FolderSnapshot.of(this.rules);

		Files.writeString(Files.createDirectories(guide.resolve("..2024_01_02_v2")).resolve("a.drl"), "two");
		Files.createSymbolicLink(guide.resolve("..data_tmp"), Path.of("..2024_01_02_v2"));
		Files.move(guide.resolve("..data_tmp"), guide.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);

		assertThat(before.hashes()).containsOnlyKeys(Path.of("guide", "a.drl"));
		assertThat(FolderSnapshot.of(this.rules).changedSince(before)).containsExactly(Path.of("guide", "a.drl"));
	}

}
