/** The {@code medguide} command line: picocli commands and their exit codes. */
package dev.medguide.cli;
