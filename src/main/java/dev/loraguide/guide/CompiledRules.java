package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.TrainingPlan;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.util.concurrent.atomic.AtomicInteger;

import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A guide revision's rules, compiled once into a KieBase and shared by every request.
 * Each evaluation runs in a session of its own that holds only its two facts and is reset
 * when the evaluation ends, so requests never see each other's facts: the semantics of a
 * stateless session. The sessions come from a pool that resets a session instead of
 * building one per request, and they are driven directly rather than through a stateless
 * session's command batch, which measured about 1 µs of the 6.6 µs an evaluation cost
 * (bench/README.md).
 */
public final class CompiledRules {

	/** Sessions kept for reuse; a request that finds none free makes a new one. */
	private static final int SESSION_POOL_SIZE = 8;

	private final KieContainer container;

	private final ReleaseId releaseId;

	private final KieSessionsPool sessions;

	private final int maxRuleFirings;

	private final AtomicInteger inFlight = new AtomicInteger();

	CompiledRules(KieContainer container, ReleaseId releaseId, int maxRuleFirings) {
		this.container = container;
		this.releaseId = releaseId;
		this.sessions = container.getKieBase().newKieSessionsPool(SESSION_POOL_SIZE);
		this.maxRuleFirings = maxRuleFirings;
	}

	/**
	 * Evaluates the rules against one dataset.
	 * @throws RuleLoopException if the rules fire more often than the bound allows
	 */
	public Evaluation evaluate(ActorDataset dataset, ParameterOverrides overrides) {
		this.inFlight.incrementAndGet();
		try {
			return run(dataset, overrides);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private Evaluation run(ActorDataset dataset, ParameterOverrides overrides) {
		TrainingPlan plan = new TrainingPlan(overrides);
		FiredRules fired = new FiredRules();
		KieSession session = this.sessions.newKieSession();
		session.addEventListener(fired);
		try {
			session.insert(dataset);
			session.insert(plan);
			session.fireAllRules(this.maxRuleFirings);
		}
		finally {
			session.removeEventListener(fired);
			session.dispose();
		}
		if (fired.names().size() >= this.maxRuleFirings) {
			throw new RuleLoopException(this.maxRuleFirings, fired.names());
		}
		return Evaluation.of(plan, fired.names());
	}

	/** Whether no evaluation is running on these rules right now. */
	boolean isIdle() {
		return this.inFlight.get() == 0;
	}

	/**
	 * Frees the engine's copy of this revision; call once no request should still use it.
	 * The session pool is left open on purpose: a request that still holds this revision
	 * can finish on it, and the pool goes with this object when the last reference does.
	 */
	void dispose() {
		this.container.dispose();
		KieServices.get().getRepository().removeKieModule(this.releaseId);
	}

}
