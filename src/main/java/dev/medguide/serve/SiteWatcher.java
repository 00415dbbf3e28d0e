package dev.medguide.serve;

import dev.medguide.BuildException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the content and template folders and calls {@code rebuild} with the changed files once a
 * burst of changes has settled (an editor's save often touches a file several times within a few
 * milliseconds). One thread; stops on close.
 */
public final class SiteWatcher implements AutoCloseable {
  static final long SETTLE_MILLIS = 40;

  private final WatchService watcher;
  private final Thread thread;

  public SiteWatcher(List<Path> folders, Consumer<Set<Path>> rebuild) {
    try {
      watcher = FileSystems.getDefault().newWatchService();
      for (Path folder : folders) {
        registerTree(folder);
      }
    } catch (IOException e) {
      throw new BuildException("cannot watch " + folders + ": " + e.getMessage(), e);
    }
    thread = new Thread(() -> loop(rebuild), "medguide-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerTree(Path folder) throws IOException {
    try (Stream<Path> dirs = Files.walk(folder)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private void loop(Consumer<Set<Path>> rebuild) {
    try {
      while (true) {
        Set<Path> changed = new TreeSet<>();
        drain(watcher.take(), changed);
        // Wait until no more events arrive for a moment, then rebuild once.
        for (WatchKey more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            more != null;
            more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
          drain(more, changed);
        }
        rebuild.accept(changed);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain(WatchKey key, Set<Path> changed) {
    Path dir = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.context() instanceof Path name) {
        changed.add(dir.resolve(name));
      } else {
        changed.add(dir); // events were lost: whatever is in dir may have changed
      }
      if (event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
        try {
          registerTree(dir.resolve(name)); // a new folder: watch it too
        } catch (IOException ignored) {
          // It vanished again; nothing to watch.
        }
      }
    }
    key.reset();
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      throw new BuildException("cannot stop watching: " + e.getMessage(), e);
    }
    thread.interrupt();
  }
}
