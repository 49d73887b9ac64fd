/**
 * Guides: folders of DRL rule files under {@code guides.dir}, each compiled once into a
 * KieBase, checked (every image count gets exactly one preset), and served as an
 * immutable revision named by the hash of its files. Holds the fact model the rules match
 * and fill ({@link dev.loraguide.guide.fact.ActorDataset},
 * {@link dev.loraguide.guide.fact.TrainingPlan}), the registry of live revisions, the
 * health component and {@code GET /api/v1/guides}.
 */
package dev.loraguide.guide;
