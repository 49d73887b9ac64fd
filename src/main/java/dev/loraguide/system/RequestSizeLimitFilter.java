package dev.loraguide.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over the limit with 413 before reading it: from its Content-Length when
 * it declares one, otherwise (chunked) as soon as more than the limit has arrived. Runs
 * before security and everything else, so an oversized body costs nothing but the
 * headers.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final ProblemResponseWriter problems;

	RequestSizeLimitFilter(DataSize limit, ProblemResponseWriter problems) {
		this.limit = limit.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			ProblemDetail problem = ProblemBodies.of(ProblemCode.CONTENT_TOO_LARGE, "The body has "
					+ request.getContentLengthLong() + " bytes; the limit is " + this.limit + " bytes.");
			problem.setInstance(ProblemBodies.instance(request.getRequestURI()));
			response.setHeader("Connection", "close");
			this.problems.write(response, problem);
			return;
		}
		chain.doFilter((request.getContentLengthLong() < 0) ? new LimitedRequest(request, this.limit) : request,
				response);
	}

	/** A body of unknown length that stops at the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
