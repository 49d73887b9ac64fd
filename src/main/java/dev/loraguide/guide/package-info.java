/**
 * Guides: folders of DRL rule files under {@code guides.dir}, each compiled once into a
 * KieBase, checked, and served as an immutable revision named by the hash of its files.
 * The classes by job:
 * <ul>
 * <li><b>Reading a guide</b>: {@link dev.loraguide.guide.GuideSource} (a folder's files
 * and revision), {@link dev.loraguide.guide.GuideFolders} (which folders are
 * guides).</li>
 * <li><b>The validation gate</b>: {@link dev.loraguide.guide.GuideLoader} runs it and
 * returns a {@link dev.loraguide.guide.Guide} or refuses with
 * {@link dev.loraguide.guide.GuideProblem}s; {@link dev.loraguide.guide.GuideGuardrails}
 * and {@link dev.loraguide.guide.DrlText} (what a rule file may contain, and where),
 * {@link dev.loraguide.guide.GuideCompiler} and {@link dev.loraguide.guide.CompiledRules}
 * (DRL to KieBase, and evaluation), {@link dev.loraguide.guide.PresetTable} (one preset
 * for every image count), the guide's cases in {@link dev.loraguide.guide.cases}.</li>
 * <li><b>Serving live revisions</b>: {@link dev.loraguide.guide.GuideRegistry} (the
 * immutable map of what serves, swapped atomically),
 * {@link dev.loraguide.guide.GuideState} and {@link dev.loraguide.guide.GuideReload}
 * (what each guide serves and what was refused), {@link dev.loraguide.guide.GuideWatcher}
 * and {@link dev.loraguide.guide.FolderSnapshot} (following the folder),
 * {@link dev.loraguide.guide.RetiredRevisions} (freeing swapped-out revisions).</li>
 * <li><b>Telling the outside</b>: {@code GET /api/v1/guides}
 * ({@link dev.loraguide.guide.GuideController}), the admin reload, the {@code guides}
 * health component, the reload metrics, and the {@code check} command
 * ({@link dev.loraguide.guide.GuideCheck}).</li>
 * <li><b>The fact model</b> the rules match and fill, in
 * {@link dev.loraguide.guide.fact}, the only package a rule file may import.</li>
 * </ul>
 * Other modules use the registry, the guides they get from it and their
 * {@link dev.loraguide.guide.Evaluation}, the
 * {@link dev.loraguide.guide.RulesFolderChanged} event and the fact model; the
 * {@code cases} package is internal.
 */
package dev.loraguide.guide;
