package dev.loraguide.guide;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records rule names in firing order for one evaluation; the answer's {@code firedRules}.
 */
final class FiredRules extends DefaultAgendaEventListener {

	private final List<String> names = new ArrayList<>();

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		this.names.add(event.getMatch().getRule().getName());
	}

	List<String> names() {
		return this.names;
	}

}
