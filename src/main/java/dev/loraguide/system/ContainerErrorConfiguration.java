package dev.loraguide.system;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report, so that
 * what Tomcat refuses on its own is answered with a problem body too.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(JsonMapper json) {
		return new ProblemErrorReportCustomizer(json);
	}

	/**
	 * Runs last, so that it replaces the plain {@link ErrorReportValve} Boot adds to the
	 * host as well as Tomcat's default.
	 */
	private static final class ProblemErrorReportCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final JsonMapper json;

		ProblemErrorReportCustomizer(JsonMapper json) {
			this.json = json;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new ProblemErrorReportValve(this.json));
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
