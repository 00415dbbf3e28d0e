package dev.medguide.render;

import dev.medguide.model.Page;
import dev.medguide.model.Requirement;
import dev.medguide.model.SiteModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.ContentModel;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.BlockProcessor;
import org.asciidoctor.extension.Contexts;
import org.asciidoctor.extension.Reader;

/**
 * Renders the requirement blocks ({@code [requirement,id=…]} example blocks) and the {@code
 * requirements-coverage::[]} line of a page: the header and the links come from the model (checked
 * at load), through the {@code requirement} and {@code requirementsCoverage} macros of {@code
 * templates/data.ftl}; the body is the block's own AsciiDoc.
 */
final class RequirementBlocks {
  private final SiteModel model;
  private final RequirementViews views;
  private final DataTemplates templates;

  RequirementBlocks(SiteModel model, RequirementViews views, DataTemplates templates) {
    this.model = model;
    this.views = views;
    this.templates = templates;
  }

  void register(Asciidoctor asciidoctor) {
    asciidoctor.javaExtensionRegistry().block(new Item()).blockMacro(new CoverageLine());
  }

  private Page page(StructuralNode node) {
    return DataBlocks.pageOf(node, model);
  }

  private String html(String macro, Object view, Page page) {
    return templates.render(macro, view, views.messages().ui(page.lang()), page.url());
  }

  /** One requirement: an open block with the requirement's id, header, body and links. */
  private final class Item extends BlockProcessor {
    Item() {
      // Asciidoctor adds to the configuration, so it must be a mutable map.
      super(
          "requirement",
          new HashMap<>(
              Map.of(
                  Contexts.KEY,
                  List.of(Contexts.EXAMPLE),
                  ContentModel.KEY,
                  ContentModel.COMPOUND)));
    }

    @Override
    public Object process(StructuralNode parent, Reader reader, Map<String, Object> attributes) {
      Page page = page(parent);
      String id = String.valueOf(attributes.get("id"));
      Requirement r =
          model
              .requirements()
              .get(id, page.lang())
              .orElseThrow(() -> new IllegalStateException("requirement " + id + " not loaded"));
      Map<String, Object> view = views.view(r, page);
      Block item =
          createBlock(
              parent,
              "open",
              List.of(),
              new HashMap<>(Map.of("role", "requirement level-" + r.level().code())));
      item.setId(id);
      item.append(
          createBlock(
              item, "pass", List.of(html("requirementHead", view, page)), DataBlocks.generated()));
      Block body =
          createBlock(item, "open", List.of(), new HashMap<>(Map.of("role", "requirement-body")));
      item.append(body);
      parseContent(body, reader.readLines());
      item.append(
          createBlock(
              item, "pass", List.of(html("requirementFoot", view, page)), DataBlocks.generated()));
      return item;
    }
  }

  /** {@code requirements-coverage::[partial]}: how many items the page knows, and whether all. */
  private final class CoverageLine extends BlockMacroProcessor {
    CoverageLine() {
      super("requirements-coverage");
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
      Page page = page(parent);
      return createBlock(
          parent,
          "pass",
          List.of(html("requirementsCoverage", views.coverage(page), page)),
          DataBlocks.generated());
    }
  }
}
