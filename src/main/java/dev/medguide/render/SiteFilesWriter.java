package dev.medguide.render;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.medguide.BuildException;
import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the files that let people and tools find every page: {@code manifest.json} (every page
 * with its crosswalk partners), {@code sitemap.xml} with {@code hreflang} alternates, and a 404
 * page, the search page and the checklist pages per language.
 */
final class SiteFilesWriter {
  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

  private final SiteModel model;
  private final Messages messages;
  private final PageLabels labels;
  private final Optional<String> baseUrl;

  SiteFilesWriter(SiteModel model, Messages messages, Optional<String> baseUrl) {
    this.model = model;
    this.messages = messages;
    this.labels = new PageLabels(messages);
    this.baseUrl = baseUrl.map(u -> u.endsWith("/") ? u : u + "/");
  }

  void write(Path siteDir, StandaloneTemplates templates, Problems problems) {
    writeManifest(siteDir.resolve("manifest.json"));
    writeSitemap(siteDir.resolve("sitemap.xml"));
    for (Language lang : model.languages()) {
      model
          .page("home", lang)
          .ifPresent(
              home -> {
                writeNotFound(siteDir, home, templates, problems);
                writeSearch(siteDir, home, templates, problems);
                writeChecklists(siteDir, home, templates, problems);
              });
    }
  }

  private void writeManifest(Path file) {
    List<Map<String, Object>> pages = new ArrayList<>();
    for (Page page : model.pages()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", page.id());
      entry.put("lang", page.lang().code());
      entry.put("kind", page.kind().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("title", page.title());
      entry.put("label", labels.label(page));
      entry.put("url", page.url());
      page.guideline().ifPresent(g -> entry.put("guideline", g));
      page.number().ifPresent(n -> entry.put("number", n));
      model.parent(page).ifPresent(p -> entry.put("parent", p.id()));
      Map<String, String> alternates = new LinkedHashMap<>();
      model.counterparts(page).forEach(c -> alternates.put(c.lang().code(), c.url()));
      entry.put("alternates", alternates);
      entry.put("crosswalk", partners(page));
      pages.add(entry);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("languages", model.languages().stream().sorted().map(Language::code).toList());
    manifest.put("pages", pages);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      Files.writeString(
          file, json.writer(printer).writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BuildException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private List<Map<String, Object>> partners(Page page) {
    List<Map<String, Object>> partners = new ArrayList<>();
    for (CrosswalkEntry entry : model.crosswalk(page)) {
      boolean isMhlw = entry.mhlw().equals(Optional.of(page.id()));
      Map<String, Object> partner = new LinkedHashMap<>();
      (isMhlw ? entry.mic() : entry.mhlw()).ifPresent(id -> partner.put("id", id));
      partner.put("relation", entry.relation().code());
      partner.put("confidence", entry.confidence().code());
      if (entry.isPair()) {
        partner.put("compare", entry.compareUrl(page.lang()));
      }
      partners.add(partner);
    }
    return partners;
  }

  /** The sitemap; with {@code --base-url} its URLs are absolute, as the protocol requires. */
  private void writeSitemap(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      // The JDK's writer, whatever StAX implementation the classpath offers (a library may bring
      // one).
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace(SITEMAP_NS);
      xml.writeNamespace("xhtml", XHTML_NS);
      for (Page page : model.pages()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("url");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("loc");
        xml.writeCharacters(location(page.url()));
        xml.writeEndElement();
        List<Page> versions = new ArrayList<>(model.counterparts(page));
        versions.add(page);
        versions.sort(java.util.Comparator.comparing(Page::lang));
        if (versions.size() > 1) {
          for (Page version : versions) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("xhtml", "link", XHTML_NS);
            xml.writeAttribute("rel", "alternate");
            xml.writeAttribute("hreflang", version.lang().code());
            xml.writeAttribute("href", location(version.url()));
          }
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.writeCharacters("\n");
      xml.close();
    } catch (IOException | XMLStreamException e) {
      throw new BuildException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private String location(String url) {
    return baseUrl.map(base -> base + url).orElse(url);
  }

  private void writeNotFound(
      Path siteDir, Page home, StandaloneTemplates templates, Problems problems) {
    String url = home.lang().code() + "/404.html";
    Map<String, Object> view = standaloneView(home, url, "notfound.title");
    List<Map<String, String>> links = new ArrayList<>();
    links.add(Map.of("url", Urls.relative(url, home.url()), "label", labels.label(home)));
    for (Page child : model.children(home)) {
      links.add(Map.of("url", Urls.relative(url, child.url()), "label", labels.label(child)));
    }
    view.put("links", links);
    render(templates, "notfound.ftl", view, home.lang(), siteDir.resolve(url), problems);
  }

  /** The search page {lang}/search.html; its results are rendered in the browser. */
  private void writeSearch(
      Path siteDir, Page home, StandaloneTemplates templates, Problems problems) {
    String url = home.lang().code() + "/search.html";
    Map<String, Object> view = standaloneView(home, url, "search.title");
    view.put(
        "breadcrumbs",
        List.of(Map.of("url", Urls.relative(url, home.url()), "label", labels.label(home))));
    render(templates, "search.ftl", view, home.lang(), siteDir.resolve(url), problems);
  }

  /** The checklist pages {lang}/checklist/{guideline}.html. */
  private void writeChecklists(
      Path siteDir, Page home, StandaloneTemplates templates, Problems problems) {
    ChecklistWriter checklists = new ChecklistWriter(model, messages);
    for (String guideline : checklists.guidelines(home.lang())) {
      String url = ChecklistWriter.url(home.lang(), guideline);
      Map<String, Object> view = standaloneView(home, url, "checklist.title." + guideline);
      view.put(
          "breadcrumbs",
          List.of(Map.of("url", Urls.relative(url, home.url()), "label", labels.label(home))));
      checklists.write(siteDir, home.lang(), guideline, view, templates, problems);
    }
  }

  private void render(
      StandaloneTemplates templates,
      String template,
      Map<String, Object> view,
      Language lang,
      Path file,
      Problems problems) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("page", view);
    data.put("t", messages.ui(lang));
    templates.render(template, data, file, problems);
  }

  /** The view keys the layout macros need, for a page without AsciiDoc source. */
  private Map<String, Object> standaloneView(Page home, String url, String labelKey) {
    Language lang = home.lang();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("lang", lang.code());
    view.put("url", url);
    view.put("root", Urls.toRoot(url));
    view.put("summary", "");
    view.put("label", messages.get(lang, labelKey));
    view.put("home", Map.of("url", Urls.relative(url, home.url()), "label", labels.label(home)));
    view.put("breadcrumbs", List.of());
    String file = url.substring(url.indexOf('/') + 1);
    List<Map<String, String>> alternates = new ArrayList<>();
    for (Language other : model.languages()) {
      if (other != lang && model.page("home", other).isPresent()) {
        alternates.add(
            Map.of(
                "lang",
                other.code(),
                "language",
                messages.get(other, "language.name"),
                "url",
                Urls.relative(url, other.code() + "/" + file)));
      }
    }
    view.put("alternates", alternates);
    return view;
  }
}
