<#ftl output_format="HTML" strip_whitespace=true>
<#-- A crosswalk pair side by side: "page" is the compare view, "bodies" the two rendered page bodies. -->
<#import "macros.ftl" as m>
<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<@m.head page>${t["compare.title"]}: ${page.label} | ${t["site.title"]}</@m.head>
</head>
<body class="kind-compare" <@m.bodyAttributes page/>>
<@m.header page/>
<main id="main" tabindex="-1" class="compare">
  <@m.breadcrumbs page/>
  <header class="page-header">
    <h1>${t["compare.title"]}: ${page.label}</h1>
    <p class="compare-relation"><span class="relation">${page.relationLabel}</span> <span class="confidence confidence-${page.confidence}">${page.confidenceLabel}</span><#if page.note?has_content> <span class="related-note">${page.note}</span></#if></p>
  </header>
  <div class="compare-columns">
    <#list page.columns as column>
    <section class="compare-column compare-${column.guideline}" aria-labelledby="column-${column.guideline}">
      <p class="compare-guideline">${column.guidelineLabel}</p>
      <h2 id="column-${column.guideline}"><a href="${column.url}">${column.label}</a></h2>
      <div class="compare-body">
${bodies[column?index]?no_esc}
      </div>
      <#if column.source??><p class="source"><span class="source-label">${t["source.label"]}:</span> <@m.source column.source page.lang/></p></#if>
    </section>
    </#list>
  </div>
</main>
<footer class="site-footer">
  <p class="disclaimer">${t["footer.note"]}</p>
</footer>
</body>
</html>
