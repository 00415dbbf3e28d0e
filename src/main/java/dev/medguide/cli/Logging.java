package dev.medguide.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Process-wide logging set-up for the command line: java.util.logging (OrientDB, JRuby) goes to
 * slf4j, and the libraries stay quiet unless {@code --verbose} is given. Build problems are not
 * logged; they are reported by the CLI.
 */
final class Logging {
  private static final String[] LIBRARIES = {
    "org.jbake", "com.orientechnologies", "asciidoctor", "org.asciidoctor", "freemarker"
  };

  private Logging() {}

  static void configure(boolean verbose) {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (String name : LIBRARIES) {
        context.getLogger(name).setLevel(verbose ? Level.INFO : Level.OFF);
      }
    }
  }
}
