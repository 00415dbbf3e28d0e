package dev.medguide.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a publish is about to do, written beside the site ({@code .site.publish}) before its first
 * rename and deleted after its last, so that a run after a kill in between can finish the publish.
 *
 * <p>Each move puts a staged folder where its target is. The staged folder is recognised by its
 * file key (device and inode), which a rename keeps: a target that has the key was moved in; a
 * staging path that still has it was not.
 *
 * @param moves in order: the companion folders first, the site folder last
 */
record PublishJournal(List<Move> moves) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One folder to put in place.
   *
   * @param target where it goes (the site folder or a companion)
   * @param staged the folder built for it
   * @param aside where the previous folder goes when the two cannot be swapped in one step
   * @param key the file key of {@code staged}
   */
  record Move(String target, String staged, String aside, String key) {
    static Move of(Path staged, Path target, Path aside) throws IOException {
      return new Move(
          target.toString(), staged.toString(), aside.toString(), PublishJournal.key(staged));
    }

    Path targetPath() {
      return Path.of(target);
    }

    Path stagedPath() {
      return Path.of(staged);
    }

    Path asidePath() {
      return Path.of(aside);
    }

    /**
     * Whether the target is the staged folder already. Where a file system has no file keys, the
     * staged folder having left its path tells.
     */
    boolean done() throws IOException {
      if (key.isEmpty()) {
        return !Files.exists(stagedPath(), LinkOption.NOFOLLOW_LINKS);
      }
      return key.equals(PublishJournal.key(targetPath()));
    }
  }

  /** The journal file of a site folder: {@code site} → {@code .site.publish}. */
  static Path fileOf(Path outputDir) {
    return outputDir.resolveSibling("." + outputDir.getFileName() + ".publish");
  }

  /** Writes the journal in one step: a reader finds all of it or none. */
  void write(Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    JSON.writeValue(partial.toFile(), this);
    try {
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Optional<PublishJournal> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), PublishJournal.class));
  }

  /** The file key of a folder ("" if there is none), without following a symbolic link. */
  static String key(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    BasicFileAttributes attributes =
        Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return Objects.toString(attributes.fileKey(), "");
  }
}
