package dev.medguide.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a build's time goes: the CPU samples of a Java Flight Recorder recording of one build,
 * grouped by build stage (the build's {@code dev.medguide.Stage} events), then by the library the
 * sampled code belongs to and by the medguide step that called it.
 *
 * @param samples CPU samples in all
 * @param stages per stage, in build order
 */
record BuildProfile(int samples, List<Stage> stages) {
  /** Before the first stage: the command line read, the build set up (from the first sample). */
  static final String START_UP = "start-up";

  /**
   * One stage's share of the samples.
   *
   * @param seconds the stage's wall time
   * @param byLibrary samples per library (the first frame outside the JDK, or Kuromoji when it is
   *     on the stack), most first
   * @param byStep samples per medguide step (the innermost medguide method on the stack)
   */
  record Stage(
      String name,
      double seconds,
      int samples,
      Map<String, Integer> byLibrary,
      Map<String, Integer> byStep) {}

  private static final String KUROMOJI = "org.apache.lucene.analysis.ja.";

  /** Libraries by package prefix, checked in order. */
  private static final List<String[]> LIBRARIES =
      List.of(
          new String[] {"org.jruby.", "Asciidoctor (JRuby)"},
          new String[] {"org.asciidoctor.", "Asciidoctor (JRuby)"},
          new String[] {"org.joni.", "Asciidoctor (JRuby)"},
          new String[] {"org.jcodings.", "Asciidoctor (JRuby)"},
          new String[] {"jnr.", "Asciidoctor (JRuby)"},
          new String[] {KUROMOJI, "Kuromoji"},
          new String[] {"org.apache.lucene.", "Lucene"},
          new String[] {"org.jsoup.", "jsoup"},
          new String[] {"freemarker.", "Freemarker"},
          new String[] {"org.jbake.", "JBake and OrientDB"},
          new String[] {"com.orientechnologies.", "JBake and OrientDB"},
          new String[] {"com.ibm.icu.", "ICU"},
          new String[] {"dev.medguide.", "medguide"});

  static BuildProfile read(Path recording) throws IOException {
    List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
    List<RecordedEvent> stageEvents = new ArrayList<>();
    List<RecordedEvent> samples = new ArrayList<>();
    for (RecordedEvent event : events) {
      String type = event.getEventType().getName();
      if (type.equals("dev.medguide.Stage")) {
        stageEvents.add(event);
      } else if (type.equals("jdk.ExecutionSample")) {
        samples.add(event);
      }
    }
    stageEvents.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
    Map<String, Counts> counts = new LinkedHashMap<>();
    counts.put(START_UP, new Counts());
    stageEvents.forEach(e -> counts.put(e.getString("stage"), new Counts()));
    for (RecordedEvent sample : samples) {
      String stage = stageOf(sample.getStartTime(), stageEvents);
      if (stage != null) {
        counts.get(stage).add(sample.getStackTrace());
      }
    }
    List<Stage> stages = new ArrayList<>();
    Instant first =
        samples.stream()
            .map(RecordedEvent::getStartTime)
            .min(Instant::compareTo)
            .orElse(Instant.EPOCH);
    for (Map.Entry<String, Counts> entry : counts.entrySet()) {
      double seconds =
          entry.getKey().equals(START_UP)
              ? stageEvents.isEmpty()
                  ? 0
                  : seconds(Duration.between(first, stageEvents.get(0).getStartTime()))
              : stageEvents.stream()
                  .filter(e -> e.getString("stage").equals(entry.getKey()))
                  .mapToDouble(e -> seconds(e.getDuration()))
                  .sum();
      Counts c = entry.getValue();
      stages.add(new Stage(entry.getKey(), seconds, c.total, sorted(c.libraries), sorted(c.steps)));
    }
    return new BuildProfile(stages.stream().mapToInt(Stage::samples).sum(), stages);
  }

  /** The stage running at {@code time}; start-up before the first; null after the last. */
  private static String stageOf(Instant time, List<RecordedEvent> stages) {
    if (stages.isEmpty() || time.isBefore(stages.get(0).getStartTime())) {
      return START_UP;
    }
    for (RecordedEvent stage : stages) {
      if (!time.isBefore(stage.getStartTime()) && !time.isAfter(stage.getEndTime())) {
        return stage.getString("stage");
      }
    }
    return null;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static Map<String, Integer> sorted(Map<String, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The stage's samples as counted so far. */
  private static final class Counts {
    int total;
    final Map<String, Integer> libraries = new HashMap<>();
    final Map<String, Integer> steps = new HashMap<>();

    void add(RecordedStackTrace trace) {
      if (trace == null) {
        return;
      }
      total++;
      String library = "JDK";
      String step = "(not called from medguide's code)";
      boolean libraryFound = false;
      boolean kuromoji = false;
      for (RecordedFrame frame : trace.getFrames()) {
        String type = frame.getMethod().getType().getName();
        if (!libraryFound && !isJdk(type)) {
          library = library(type);
          libraryFound = true;
        }
        // Kuromoji's dictionaries are Lucene FSTs: time in them is Kuromoji's.
        kuromoji |= type.startsWith(KUROMOJI);
        if (type.startsWith("dev.medguide.") && !type.contains("$$Lambda")) {
          String simple = type.substring(type.lastIndexOf('.') + 1).replaceAll("\\$.*", "");
          String method = frame.getMethod().getName().replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1");
          step = simple + "." + method;
          break;
        }
      }
      if (kuromoji) {
        library = "Kuromoji";
      }
      libraries.merge(library, 1, Integer::sum);
      steps.merge(step, 1, Integer::sum);
    }

    private static boolean isJdk(String type) {
      return type.startsWith("java.")
          || type.startsWith("javax.")
          || type.startsWith("jdk.")
          || type.startsWith("sun.")
          || type.startsWith("com.sun.");
    }

    private static String library(String type) {
      for (String[] library : LIBRARIES) {
        if (type.startsWith(library[0])) {
          return library[1];
        }
      }
      return "other";
    }
  }

  /** "Kuromoji 45 %, jsoup 20 %, …": the first {@code limit} entries as shares of {@code total}. */
  static String shares(Map<String, Integer> counts, int total, int limit) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (parts.size() == limit) {
        break;
      }
      parts.add(String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total));
    }
    return String.join(", ", parts);
  }
}
