package dev.medguide.cli;

import dev.medguide.model.Language;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a language code ({@code ja}, {@code en}) from the command line. */
final class LanguageConverter implements ITypeConverter<Language> {
  @Override
  public Language convert(String value) {
    return Language.fromCode(value)
        .orElseThrow(
            () -> new TypeConversionException("unknown language '" + value + "' (ja, en)"));
  }

  /** The codes picocli lists in help. */
  static final class Codes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Language.values()).map(Language::code).iterator();
    }
  }
}
