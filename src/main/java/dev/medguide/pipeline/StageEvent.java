package dev.medguide.pipeline;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A build stage (load, render, link, index, publish, package) as a Java Flight Recorder event, so
 * that a recording of a build shows which stage each sample belongs to. Costs nothing when no
 * recording runs. The benchmark's profile uses it.
 */
@Name(StageEvent.NAME)
@Label("Build stage")
@Category("medguide")
@Description("One stage of a medguide build")
final class StageEvent extends Event {
  static final String NAME = "dev.medguide.Stage";

  @Label("Stage")
  String stage;

  StageEvent(String stage) {
    this.stage = stage;
  }
}
