package dev.loraguide.system;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The request-size limit ({@code api.max-request-size}, 64 KB by default): no request of
 * the API comes near it, and anything bigger is refused before it is read.
 */
@Configuration(proxyBeanMethods = false)
class HttpLimitsConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
			@Value("${api.max-request-size:64KB}") DataSize limit, JsonMapper json) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(limit, new ProblemResponseWriter(json)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
