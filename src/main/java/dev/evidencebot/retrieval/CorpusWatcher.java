package dev.evidencebot.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Follows the corpus directory (and every folder under it) and asks the knowledge base to reload
 * once the files have been quiet for a moment: editors and copy tools save a file in several
 * writes, and a burst of saves should cost one reload, not one per write. A burst that never
 * goes quiet still reloads every {@code maxDelay}.
 */
final class CorpusWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);

    private final Path directory;
    private final Runnable reload;
    private final Duration quiet;
    private final Duration maxDelay;
    private final WatchService service;
    private final Thread thread;

    /**
     * @param quiet    how long no event must arrive before the reload starts
     * @param maxDelay the longest a reload waits for quiet
     */
    CorpusWatcher(Path directory, Runnable reload, Duration quiet, Duration maxDelay) throws IOException {
        this.directory = directory;
        this.reload = reload;
        this.quiet = quiet;
        this.maxDelay = maxDelay;
        if (!Files.isDirectory(directory)) {
            // the knowledge base reports the missing directory; an admin reindex still works once it exists
            LOG.warn("corpus directory {} does not exist; not watching it", directory.toAbsolutePath());
            this.service = null;
            this.thread = null;
            return;
        }
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(directory);
        this.thread = new Thread(this::run, "corpus-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("watching {} for changes (reload after {} ms of quiet)", directory.toAbsolutePath(), quiet.toMillis());
    }

    private void run() {
        try {
            while (true) {
                WatchKey first = service.take();
                long burstStart = System.nanoTime();
                boolean relevant = drain(first);
                // debounce: keep collecting while events keep coming, up to maxDelay
                WatchKey next;
                while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(next);
                    if (System.nanoTime() - burstStart > maxDelay.toNanos()) {
                        break;
                    }
                }
                if (relevant) {
                    reload.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Reads one key's events; registers new folders; true when any event may change the corpus. */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true; // events were lost: the reload re-checks every file anyway
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            if (isHiddenOrTemporary(changed.getFileName().toString())) {
                continue; // editors' swap files and our own .ingest state are not articles
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    registerTree(changed);
                } catch (IOException e) {
                    LOG.warn("cannot watch new folder {}: {}", changed, e.getMessage());
                }
            }
        }
        key.reset();
        return relevant;
    }

    static boolean isHiddenOrTemporary(String name) {
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp")
                || name.endsWith(".part") || name.endsWith(".crdownload");
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)
                    .filter(path -> path.equals(root) || !directory.relativize(path).toString().startsWith("."))::iterator) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (thread != null) {
            thread.interrupt();
            service.close();
        }
    }
}
