package dev.loraguide.guide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Revisions swapped out of the registry, waiting to be freed. A request that picked a
 * revision just before the swap still evaluates it, so a revision is disposed only once
 * it has been retired for a grace period and no evaluation is running on it. Until then
 * its classes stay loaded; after, the engine and the JVM can unload them.
 */
final class RetiredRevisions {

	private final long graceNanos;

	private final List<Retired> waiting = new ArrayList<>();

	RetiredRevisions(Duration grace) {
		this.graceNanos = grace.toNanos();
	}

	synchronized void retire(CompiledRules rules) {
		this.waiting.add(new Retired(rules, System.nanoTime()));
	}

	/** Disposes every revision past its grace period that no evaluation is using. */
	synchronized void disposeIdle() {
		long now = System.nanoTime();
		for (Iterator<Retired> it = this.waiting.iterator(); it.hasNext();) {
			Retired retired = it.next();
			if (now - retired.since() >= this.graceNanos && retired.rules().isIdle()) {
				retired.rules().dispose();
				it.remove();
			}
		}
	}

	/** Disposes every waiting revision; for shutdown, when no request is left. */
	synchronized void disposeAll() {
		this.waiting.forEach((retired) -> retired.rules().dispose());
		this.waiting.clear();
	}

	synchronized int size() {
		return this.waiting.size();
	}

	private record Retired(CompiledRules rules, long since) {
	}

}
