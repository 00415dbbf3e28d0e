package dev.medguide.render;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.jbake.render.RenderingTool;

/**
 * The rendering steps the Oven runs. The Oven finds them with {@link java.util.ServiceLoader}
 * through the thread's context class loader, and every JBake jar lists its {@code
 * DocumentsRenderer} there, which cannot be switched off. While {@link #during} runs, the context
 * class loader answers the service lookup with our list instead ({@code rendering-tools.txt}:
 * {@link PageRenderingTool} and JBake's other steps, which our configuration turns off); every
 * other lookup and class goes to the usual loader.
 */
final class RenderingTools extends ClassLoader {
  private static final String SERVICE = "META-INF/services/" + RenderingTool.class.getName();
  private static final String OURS = "dev/medguide/render/rendering-tools.txt";

  private RenderingTools(ClassLoader parent) {
    super(parent);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (SERVICE.equals(name)) {
      URL list = Objects.requireNonNull(getParent().getResource(OURS), OURS);
      return Collections.enumeration(List.of(list));
    }
    return super.getResources(name);
  }

  /** Runs {@code bake} with our rendering steps in place of JBake's. */
  static void during(Runnable bake) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(new RenderingTools(RenderingTools.class.getClassLoader()));
    try {
      bake.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
