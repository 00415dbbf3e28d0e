package dev.medguide.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code --base-url}: an absolute http or https URL with a host (it goes into sitemap.xml), so
 * {@code javascript:alert(1)} or a relative path is a wrong command line (exit 2).
 */
final class BaseUrlConverter implements CommandLine.ITypeConverter<String> {
  @Override
  public String convert(String value) {
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()) {
        return value.strip();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new CommandLine.TypeConversionException(
        "'" + value + "' is not an absolute http(s) URL (e.g. https://intranet.example/medguide/)");
  }
}
