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
 * and {@code crosswalk::[]} — so each table is generated from its one CSV and never typed twice —
 * and the requirement blocks ({@link RequirementBlocks}). Registered on Asciidoctor for one build
 * and removed after it.
 */
final class DataBlocks {
  private final SiteModel model;
  private final Messages messages;
  private final DataTemplates templates;

  DataBlocks(SiteModel model, Messages messages, DataTemplates templates) {
    this.model = model;
    this.messages = messages;
    this.templates = templates;
  }

  void register(Asciidoctor asciidoctor) {
    asciidoctor
        .javaExtensionRegistry()
        .blockMacro(
            new Macro(
                "committee",
                page -> new CommitteeTable(model.data().committee()).view(page.lang())))
        .blockMacro(new Macro("glossary", page -> new GlossaryList(model, messages).view(page)))
        .blockMacro(
            new Macro("crosswalk", page -> new CrosswalkMatrix(model, messages).view(page)));
    new RequirementBlocks(model, new RequirementViews(model, messages), templates)
        .register(asciidoctor);
    asciidoctor.javaExtensionRegistry().treeprocessor(new RawHtmlPolicy.Blocks());
  }

  /** A passthrough block of medguide's own HTML (a data table, a requirement's parts). */
  static Map<String, Object> generated() {
    return new java.util.HashMap<>(Map.of(RawHtmlPolicy.GENERATED, "true"));
  }

  /** The page a node of a document being converted belongs to (its lang and page-id attributes). */
  static Page pageOf(StructuralNode node, SiteModel model) {
    Language lang =
        Language.fromCode(String.valueOf(node.getDocument().getAttribute("lang")))
            .orElse(Language.JA);
    String id = String.valueOf(node.getDocument().getAttribute("medguide-page-id"));
    return model
        .page(id, lang)
        .orElseThrow(() -> new IllegalStateException("no page " + id + " in " + lang));
  }

  void unregister(Asciidoctor asciidoctor) {
    asciidoctor.unregisterAllExtensions();
  }

  /** The view a macro's template gets for the page it appears on. */
  interface Renderer {
    Object view(Page page);
  }

  /** A block macro {@code name::[]} that is replaced with generated HTML. */
  private final class Macro extends BlockMacroProcessor {
    private final String name;
    private final Renderer renderer;

    Macro(String name, Renderer renderer) {
      super(name);
      this.name = name;
      this.renderer = renderer;
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
      Page page = pageOf(parent, model);
      String html =
          templates.render(name, renderer.view(page), messages.ui(page.lang()), page.url());
      return createBlock(parent, "pass", List.of(html), generated());
    }
  }
}
