<#ftl output_format="HTML" strip_whitespace=true>
<#-- Layout of every page. "page" and "t" come from medguide's PageTemplateEngine; "content" from JBake. -->
<#import "macros.ftl" as m>
<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<@m.head page><#if page.kind == "home">${t["site.title"]}<#else>${page.label} | ${t["site.title"]}</#if></@m.head>
</head>
<body class="kind-${page.kind}" <@m.bodyAttributes page/>>
<@m.header page/>
<div class="layout">
<#if page.nav??>
<details class="site-nav" open>
  <summary>${t["nav.toggle"]}</summary>
  <nav aria-label="${t["nav.label"]}">
    <p class="nav-root"><a href="${page.nav.url}"<#if page.nav.current> aria-current="page"</#if>>${page.nav.label}</a></p>
    <@m.tree page.nav.items/>
  </nav>
</details>
</#if>
<main id="main" tabindex="-1">
  <@m.breadcrumbs page/>
  <article>
    <header class="page-header">
      <h1>${page.label}</h1>
      <#if page.originalTitle??><p class="original-title">${t["original.title"]}: <span lang="ja">${page.originalTitle}</span></p></#if>
      <#if page.summary?has_content><p class="summary">${page.summary}</p></#if>
      <#if page.guideline??><p class="edition-notice">${t["edition.notice." + page.guideline]}</p></#if>
    </header>
    <nav id="page-toc" class="page-toc" aria-labelledby="page-toc-title">
      <h2 id="page-toc-title">${t["toc.title"]}</h2>
    </nav>
    <div id="page-body" class="page-body">
${content.body?no_esc}
      <#if page.related?has_content><@m.related page.related/></#if>
    </div>
    <#if page.terms?has_content>
    <nav class="page-terms" aria-labelledby="page-terms-title">
      <h2 id="page-terms-title">${t["terms.title"]}</h2>
      <ul><#list page.terms as term><li><a href="${term.url}">${term.label}</a></li></#list></ul>
    </nav>
    </#if>
    <#if page.children?has_content && page.kind != "home">
    <section class="children" aria-labelledby="children-title">
      <h2 id="children-title">${t["children.title"]}</h2>
      <ul>
        <#list page.children as child>
        <li><a href="${child.url}">${child.label}</a><#if child.summary?has_content><span class="child-summary">${child.summary}</span></#if></li>
        </#list>
      </ul>
    </section>
    </#if>
  </article>
  <#if page.previous?? || page.next??>
  <nav class="pager" aria-label="${t["pager.label"]}">
    <#if page.previous??><a class="pager-previous" href="${page.previous.url}" rel="prev"><span class="pager-direction">${t["pager.previous"]}</span> ${page.previous.label}</a></#if>
    <#if page.next??><a class="pager-next" href="${page.next.url}" rel="next"><span class="pager-direction">${t["pager.next"]}</span> ${page.next.label}</a></#if>
  </nav>
  </#if>
</main>
</div>
<footer class="site-footer">
  <#if page.source??>
  <p class="source"><span class="source-label">${t["source.label"]}:</span> <@m.source page.source page.lang/></p>
  </#if>
  <#if page.sourceNote?has_content><p class="source-note"><span class="source-label">${t["source.note.label"]}:</span> ${page.sourceNote}</p></#if>
  <p class="page-meta"><#if page.changed??><span class="source-label">${t["meta.changed"]}:</span> <time datetime="${page.changed}">${page.changed}</time> · </#if><span class="source-label">${t["meta.version"]}:</span> <code>${page.version}</code></p>
  <p class="disclaimer">${t["footer.note"]}</p>
</footer>
</body>
</html>
