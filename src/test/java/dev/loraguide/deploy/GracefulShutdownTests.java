package dev.loraguide.deploy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.loraguide.LoraGuideApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On SIGTERM (the application context closing) the service stops taking new connections
 * but finishes the requests it is already answering, so a rolling update loses no answer.
 */
class GracefulShutdownTests {

	private static final long PATIENCE_SECONDS = 60;

	private static final Duration HELD = Duration.ofSeconds(5);

	private ConfigurableApplicationContext context;

	private SlowEndpoint slow;

	private int port;

	// The service is started here rather than by the Spring test support, which expects
	// to close
	// its contexts itself.
	@BeforeEach
	void startService() {
		this.context = new SpringApplicationBuilder(LoraGuideApplication.class, SlowEndpoint.class)
			.run("--server.port=0");
		this.slow = this.context.getBean(SlowEndpoint.class);
		this.port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@AfterEach
	void stopService() {
		this.slow.release.countDown();
		this.context.close();
	}

	@Test
	void requestInFlightFinishesWhileTheServiceShutsDown() throws Exception {
		ServiceHttp http = new ServiceHttp(this.port);
		CompletableFuture<HttpResponse<String>> inFlight = http.client()
			.sendAsync(HttpRequest.newBuilder(http.uri(SlowEndpoint.PATH)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(this.slow.entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(this.context::close);
		await().atMost(Duration.ofSeconds(PATIENCE_SECONDS)).until(this::refusesNewConnections);
		// Tomcat on its own gives a request 2 s before it stops the threads; the service
		// must wait longer.
		await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> !shutdown.isDone());
		this.slow.release.countDown();

		HttpResponse<String> answer = inFlight.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("finished");
		shutdown.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
	}

	private boolean refusesNewConnections() {
		HttpClient fresh = HttpClient.newHttpClient();
		try {
			fresh.send(HttpRequest.newBuilder(new ServiceHttp(this.port).uri("/actuator/health/liveness"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding());
			return false;
		}
		catch (IOException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** A request that stays in flight until the test lets it finish. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SlowEndpoint {

		static final String PATH = "/test/slow";

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Bean
		RouterFunction<ServerResponse> slowRoute() {
			return RouterFunctions.route().GET(PATH, (request) -> {
				this.entered.countDown();
				boolean released = this.release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
				return ServerResponse.ok().body(released ? "finished" : "never released");
			}).build();
		}

	}

}
