package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's file events for the rules folder and its guide folders, as a
 * hint that a scan is worth making now rather than at the next interval. Only a hint: the
 * content hashes decide what changed ({@link FolderSnapshot}), and the scans go on for
 * the volumes that send no events (network file systems, some bind mounts). A guide
 * folder added, or one a ConfigMap's {@code ..data} link now points to, is followed from
 * the next event on.
 */
final class FolderEvents implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FolderEvents.class);

	private final Path dir;

	private final WatchService events;

	private final Thread thread;

	private FolderEvents(Path dir, WatchService events, Runnable onEvent) {
		this.dir = dir;
		this.events = events;
		this.thread = new Thread(() -> follow(onEvent), "guide-events");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts following the folder, calling {@code onEvent} after each batch of events;
	 * null, and said once, when the file system gives none.
	 */
	static FolderEvents follow(Path dir, Runnable onEvent) {
		try {
			FolderEvents followed = new FolderEvents(dir, dir.getFileSystem().newWatchService(), onEvent);
			followed.register();
			followed.thread.start();
			return followed;
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.info("No file events for {} ({}): edits are seen by the scans alone", dir.toAbsolutePath(),
					ex.toString());
			return null;
		}
	}

	/** The folder and its visible sub-folders; registering one twice is harmless. */
	private void register() throws IOException {
		watch(this.dir);
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.dir,
				(entry) -> !entry.getFileName().toString().startsWith(".") && Files.isDirectory(entry))) {
			for (Path folder : entries) {
				watch(folder);
			}
		}
	}

	private void watch(Path folder) throws IOException {
		folder.register(this.events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
				StandardWatchEventKinds.ENTRY_MODIFY);
	}

	private void follow(Runnable onEvent) {
		try {
			while (true) {
				WatchKey key = this.events.take();
				key.pollEvents();
				key.reset();
				try {
					onEvent.run();
					register();
				}
				catch (IOException | RuntimeException ex) {
					// A folder gone mid-event, or the watcher stopping: the scans
					// see what changed all the same.
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			// Closed: the service is stopping.
		}
	}

	@Override
	public void close() {
		try {
			this.events.close();
		}
		catch (IOException ex) {
			// Nothing is left to follow.
		}
		this.thread.interrupt();
	}

}
