package dev.medguide.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;

/**
 * Swaps two directories in one step where the operating system can: Linux's {@code
 * renameat2(RENAME_EXCHANGE)} (ext4, XFS, Btrfs, tmpfs), which Java's file API lacks, called
 * through jnr-ffi (already on the class path for JRuby). So a site folder is never absent: a reader
 * or a kill at any instant finds the old site or the new one.
 *
 * <p>Elsewhere (another system, a file system that refuses the flag) {@link #exchange} returns
 * false and the publisher falls back to two renames, with a journal that the next run replays (see
 * {@link SitePublisher}).
 */
final class DirectoryExchange {
  /** {@code AT_FDCWD}: paths relative to the working directory (ours are absolute). */
  private static final int AT_FDCWD = -100;

  /** {@code RENAME_EXCHANGE} from {@code <linux/fs.h>}. */
  private static final int RENAME_EXCHANGE = 2;

  /** The C library's {@code renameat2}, bound by jnr-ffi. */
  public interface LibC {
    int renameat2(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags);
  }

  private final LibC libc;

  private DirectoryExchange(LibC libc) {
    this.libc = libc;
  }

  /** Loaded once per JVM on first use: binding the C library takes a fraction of a second. */
  private static final class Holder {
    static final DirectoryExchange INSTANCE = load();

    private static DirectoryExchange load() {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
        return new DirectoryExchange(null);
      }
      try {
        return new DirectoryExchange(LibraryLoader.create(LibC.class).failImmediately().load("c"));
      } catch (LinkageError | RuntimeException e) {
        return new DirectoryExchange(null); // an old C library without renameat2
      }
    }
  }

  static DirectoryExchange get() {
    return Holder.INSTANCE;
  }

  /**
   * Swaps {@code a} and {@code b}, both existing, in one atomic step.
   *
   * @return false if this system or file system cannot (nothing was changed then)
   * @throws IOException if the system refused for another reason
   */
  boolean exchange(Path a, Path b) throws IOException {
    if (libc == null) {
      return false;
    }
    int result =
        libc.renameat2(
            AT_FDCWD,
            a.toAbsolutePath().toString(),
            AT_FDCWD,
            b.toAbsolutePath().toString(),
            RENAME_EXCHANGE);
    if (result == 0) {
      return true;
    }
    int errno = jnr.ffi.Runtime.getRuntime(libc).getLastError();
    if (errno == Errno.EINVAL.intValue()
        || errno == Errno.ENOSYS.intValue()
        || errno == Errno.EOPNOTSUPP.intValue()) {
      return false;
    }
    Errno name = Errno.valueOf(errno);
    throw new IOException(
        "cannot swap " + a + " and " + b + ": " + (name == null ? "errno " + errno : name));
  }

  /** Renames {@code from} to {@code to} (which must not exist), atomically where possible. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
