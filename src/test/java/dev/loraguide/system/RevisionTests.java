package dev.loraguide.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A revision names one content, however it is read. */
class RevisionTests {

	@TempDir
	Path folder;

	@Test
	void filesReadAsStreamsHaveTheRevisionOfTheirTexts() throws IOException {
		Files.writeString(this.folder.resolve("a.drl"), "rule \"Zoë\" when then end\n");
		Files.writeString(this.folder.resolve("cases.yaml"), "cases: []\n");
		TreeMap<String, String> texts = new TreeMap<>();
		texts.put("a.drl", "rule \"Zoë\" when then end\n");
		texts.put("cases.yaml", "cases: []\n");

		String streamed = Revision.ofFiles(List.of(this.folder.resolve("a.drl"), this.folder.resolve("cases.yaml")));

		assertThat(streamed).isEqualTo(Revision.of(texts)).hasSize(16);
	}

	@Test
	void aRenamedFileIsANewRevision() throws IOException {
		Files.writeString(this.folder.resolve("a.drl"), "same");
		Files.writeString(this.folder.resolve("b.drl"), "same");

		assertThat(Revision.ofFiles(List.of(this.folder.resolve("a.drl"))))
			.isNotEqualTo(Revision.ofFiles(List.of(this.folder.resolve("b.drl"))));
	}

}
