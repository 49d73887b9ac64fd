package dev.loraguide.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which build of the code checks a revision, as one SHA-256: the bytes of the service's
 * own classes, the file names of the libraries on the class path, and the Java runtime. A
 * verdict is only as good as the code that reached it, so a kept verdict names the build
 * and a new build checks every revision again. The same classes in another layout (the
 * jar, its extracted layers, {@code spring-boot:run}) are the same build.
 */
final class CheckerBuild {

	private static final String OWN_CLASSES = "classpath*:dev/loraguide/**/*.class";

	private static final String OWN_PACKAGE = "dev/loraguide/";

	private static final String MANIFEST = "META-INF/MANIFEST.MF";

	private static final Logger logger = LoggerFactory.getLogger(CheckerBuild.class);

	private CheckerBuild() {
	}

	private static String thisProcess;

	/**
	 * This process's build, worked out once: the classes do not change while it runs.
	 * @throws UncheckedIOException when the classes cannot be read
	 */
	static synchronized String ofThisProcess() {
		if (thisProcess == null) {
			long started = System.nanoTime();
			thisProcess = fingerprint();
			logger.debug("This build is {}, worked out in {} ms", thisProcess,
					(System.nanoTime() - started) / 1_000_000);
		}
		return thisProcess;
	}

	private static String fingerprint() {
		MessageDigest sha256 = sha256();
		ClassLoader loader = CheckerBuild.class.getClassLoader();
		try {
			// The guardrails, the compile, the scan over every image count and the cases
			// are this code: any change to it may change a verdict.
			for (var own : ownClasses(loader).entrySet()) {
				update(sha256, own.getKey());
				sha256.update(own.getValue());
			}
			// Drools, the YAML reader, the statistics: their jars are named with their
			// versions, so a new version of any of them is a new build.
			for (String library : libraries(loader)) {
				update(sha256, library);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the service's own classes", ex);
		}
		// The JIT decides the p99, the runtime's own classes some messages.
		update(sha256, Runtime.version().toString());
		update(sha256, System.getProperty("java.vm.vendor", ""));
		return HexFormat.of().formatHex(sha256.digest());
	}

	/** The service's classes by name, wherever they sit on the class path. */
	private static SortedMap<String, byte[]> ownClasses(ClassLoader loader) throws IOException {
		SortedMap<String, byte[]> classes = new TreeMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver(loader).getResources(OWN_CLASSES)) {
			String url = resource.getURL().toString();
			try (InputStream in = resource.getInputStream()) {
				classes.put(url.substring(url.lastIndexOf(OWN_PACKAGE)), in.readAllBytes());
			}
		}
		return classes;
	}

	/** The file names of the jars on the class path, found by their manifests. */
	private static List<String> libraries(ClassLoader loader) throws IOException {
		List<String> names = new ArrayList<>();
		for (URL manifest : Collections.list(loader.getResources(MANIFEST))) {
			String url = manifest.toString();
			String jar = url.substring(0, url.length() - MANIFEST.length()).replaceAll("[!/]+$", "");
			names.add(jar.substring(jar.lastIndexOf('/') + 1));
		}
		Collections.sort(names);
		return names;
	}

	private static void update(MessageDigest sha256, String text) {
		sha256.update(text.getBytes(StandardCharsets.UTF_8));
		sha256.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
