package dev.loraguide.guide;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the start until the guides' first load, begun in the background while the rest of
 * the service was set up, is done and the default guide serves; then tells the service
 * ({@link GuidesReady}). It runs before the web server starts, so no request comes
 * before, and a default guide that did not load stops the start as it always did.
 */
class FirstGuideLoad implements SmartLifecycle {

	/** After the decision log's writer, before the web server. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

	private final GuideRegistry registry;

	private final ApplicationEventPublisher events;

	private volatile boolean done;

	FirstGuideLoad(GuideRegistry registry, ApplicationEventPublisher events) {
		this.registry = registry;
		this.events = events;
	}

	@Override
	public void start() {
		if (this.done) {
			return;
		}
		this.registry.awaitFirstLoad();
		this.done = true;
		this.events.publishEvent(new GuidesReady());
	}

	@Override
	public void stop() {
		// Nothing runs: the load is done, and the registry closes with the context.
	}

	@Override
	public boolean isRunning() {
		return this.done;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
