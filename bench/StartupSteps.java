import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts the service with Spring's BufferingApplicationStartup and, once it is ready,
 * writes every start-up step with its own time (its duration less its children's), its
 * whole duration and when it began, in ms. Used by bench/startup-steps.sh only; the
 * service itself records no steps.
 */
public class StartupSteps {

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(Class.forName("dev.loraguide.LoraGuideApplication"));
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		application.setApplicationStartup(startup);
		application.run(args);
		var timeline = startup.getBufferedTimeline();
		Map<Long, Long> children = new HashMap<>();
		for (var event : timeline.getEvents()) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		List<String> rows = new ArrayList<>();
		for (var event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			long whole = event.getDuration().toNanos();
			long own = whole - children.getOrDefault(step.getId(), 0L);
			StringBuilder what = new StringBuilder();
			for (StartupStep.Tag tag : step.getTags()) {
				if (tag.getKey().equals("beanName")) {
					what.append(tag.getValue());
				}
			}
			long began = event.getStartTime().toEpochMilli() - timeline.getStartTime().toEpochMilli();
			rows.add(String.format("%9.1f %9.1f %9d %s %s", own / 1e6, whole / 1e6, began, step.getName(), what));
		}
		try (PrintWriter out = new PrintWriter(System.getProperty("startup.steps", "startup-steps.txt"))) {
			out.println("      own     whole     began step");
			rows.forEach(out::println);
		}
	}

}
