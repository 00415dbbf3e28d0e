<#ftl output_format="HTML" strip_whitespace=true>
<#-- A crosswalk pair side by side: "page" is the compare view, "bodies" the two rendered page bodies,
     "pairs" the requirement links between them: [{mhlwLabel, mhlwUrl, micLabel, micUrl, basis, note}]. -->
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
  <#if pairs?has_content>
  <section class="compare-pairs" aria-labelledby="compare-pairs-title">
    <h2 id="compare-pairs-title">${t["compare.pairs"]}</h2>
    <table class="tableblock">
      <thead><tr><th scope="col">${t["related.mhlw"]}</th><th scope="col">${t["related.mic"]}</th><th scope="col">${t["compare.pairs.why"]}</th></tr></thead>
      <tbody>
      <#list pairs as p>
      <tr><td><a href="${p.mhlwUrl}">${p.mhlwLabel}</a></td><td><a href="${p.micUrl}">${p.micLabel}</a></td><td>${t["req.link." + p.basis]}<#if p.note?has_content> <span class="related-note">${p.note}</span></#if></td></tr>
      </#list>
      </tbody>
    </table>
  </section>
  </#if>
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
