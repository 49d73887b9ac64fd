package dev.loraguide.page;

import dev.loraguide.guide.Guide;
import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.UnknownGuideException;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names, in a {@code Link} header of the page itself, the two API answers its first view
 * draws: the default guide and its curves. The browser asks for them while it fetches the
 * page's scripts, instead of after they have run; the page's own requests then take the
 * preloaded answers, as they are the same URLs.
 */
@Component
class DefaultGuidePreload extends OncePerRequestFilter {

	private final GuideRegistry registry;

	DefaultGuidePreload(GuideRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"GET".equals(request.getMethod()) || !(path.equals("/") || path.equals("/index.html"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			Guide guide = this.registry.defaultGuide();
			String details = "api/v1/guides/" + guide.id();
			response.addHeader(HttpHeaders.LINK, preload(details));
			response.addHeader(HttpHeaders.LINK, preload(details + "/curves?revision=" + guide.revision()));
		}
		catch (UnknownGuideException notServing) {
			// The page says why the default guide has no curves; there is nothing to
			// preload.
		}
		chain.doFilter(request, response);
	}

	private static String preload(String url) {
		return "<" + url + ">; rel=preload; as=fetch; crossorigin";
	}

}
