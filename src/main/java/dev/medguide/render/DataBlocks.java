package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;

/**
 * The block macros that show data files inside pages — {@code committee::[]}, {@code glossary::[]}
 * and {@code crosswalk::[]} — so each table is generated from its one CSV and never typed twice.
 * Registered on Asciidoctor for one build and removed after it.
 */
final class DataBlocks {
  private final SiteModel model;
  private final Messages messages;

  DataBlocks(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  void register(Asciidoctor asciidoctor) {
    asciidoctor
        .javaExtensionRegistry()
        .blockMacro(
            new Macro(
                "committee",
                (page) -> new CommitteeTable(model.data().committee(), messages).html(page.lang())))
        .blockMacro(new Macro("glossary", (page) -> new GlossaryList(model, messages).html(page)))
        .blockMacro(
            new Macro("crosswalk", (page) -> new CrosswalkMatrix(model, messages).html(page)));
  }

  void unregister(Asciidoctor asciidoctor) {
    asciidoctor.unregisterAllExtensions();
  }

  /** What a macro renders for the page it appears on. */
  interface Renderer {
    String html(Page page);
  }

  /** A block macro {@code name::[]} that is replaced with generated HTML. */
  private final class Macro extends BlockMacroProcessor {
    private final Renderer renderer;

    Macro(String name, Renderer renderer) {
      super(name);
      this.renderer = renderer;
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
      Language lang =
          Language.fromCode(String.valueOf(parent.getDocument().getAttribute("lang")))
              .orElse(Language.JA);
      String id = String.valueOf(parent.getDocument().getAttribute("medguide-page-id"));
      Page page =
          model
              .page(id, lang)
              .orElseThrow(() -> new IllegalStateException("no page " + id + " in " + lang));
      return createBlock(parent, "pass", List.of(renderer.html(page)));
    }
  }
}
