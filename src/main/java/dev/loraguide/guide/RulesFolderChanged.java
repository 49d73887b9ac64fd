package dev.loraguide.guide;

import java.nio.file.Path;
import java.util.Set;

/**
 * Published after a burst of changes in the rules folder has settled, for anything that
 * reads files from it besides the guides (such as the experiments file).
 *
 * @param changed the paths that changed, relative to the rules folder
 */
public record RulesFolderChanged(Set<Path> changed) {
}
