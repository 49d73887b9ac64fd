package dev.loraguide.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Callers branch on a problem's code, so docs/api.md has a row for every one of them. */
class ProblemCodesDocumentedTests {

	@ParameterizedTest
	@EnumSource(ProblemCode.class)
	void everyCodeHasARowWithItsStatusInTheApiDocument(ProblemCode code) throws IOException {
		assertThat(Files.readString(Path.of("docs/api.md")))
			.contains("| `" + code.code() + "` | " + code.status().value() + " |");
	}

}
