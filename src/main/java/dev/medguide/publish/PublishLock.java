package dev.medguide.publish;

import dev.medguide.BuildException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Only one publish or recovery of a site folder at a time, across processes and threads: builds may
 * run side by side (each writes its own staging folder), but their swaps into the site must not
 * interleave, and a recovery must not replay a journal that a live publish is still writing.
 *
 * <p>Between processes this is a lock on the file {@code .site.lock} beside the site (kept, since
 * deleting a lock file races with its next user). A file lock belongs to the whole JVM, so threads
 * of one JVM take a lock of their own first: that lock is the one piece of JVM-wide state here, for
 * the JVM-wide file lock it guards.
 */
final class PublishLock implements AutoCloseable {
  private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threads;
  private final FileChannel channel;
  private final FileLock lock;

  private PublishLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
    this.threads = threads;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the site folder {@code outputDir}, waiting while another holder swaps folders
   * (a second or two: deleting the previous site happens after the lock is released).
   */
  static PublishLock take(Path outputDir) {
    Path file = outputDir.resolveSibling("." + outputDir.getFileName() + ".lock");
    ReentrantLock threads = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
    try {
      threads.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("stopped while waiting to publish into " + outputDir, e);
    }
    if (threads.getHoldCount() > 1) {
      return new PublishLock(threads, null, null); // this thread holds the file lock already
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new PublishLock(threads, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      threads.unlock();
      throw new BuildException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException e) {
      // closing the channel releases it too
    } finally {
      closeQuietly(channel);
      threads.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
