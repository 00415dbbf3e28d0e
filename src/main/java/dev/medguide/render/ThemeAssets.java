package dev.medguide.render;

import java.io.File;
import org.jbake.app.Asset;
import org.jbake.app.configuration.JBakeConfiguration;

/**
 * JBake's asset copier limited to the theme's {@code templates/static/} folder: JBake would also
 * copy every non-page file of the content folder (the data CSVs) into the site.
 */
final class ThemeAssets extends Asset {
  ThemeAssets(JBakeConfiguration config) {
    super(config);
  }

  @Override
  public void copyAssetsFromContent(File path) {
    // Content folders hold pages and data only; nothing in them is published as-is.
  }
}
