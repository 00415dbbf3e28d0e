<#ftl output_format="HTML" strip_whitespace=true>
<#-- Building blocks of page.ftl and compare.ftl. "v" is a page view (see PageViewBuilder). -->

<#-- The head: security policy, title, stylesheet, language alternates. -->
<#macro head v>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<title><#nested></title>
<#if v.summary?has_content><meta name="description" content="${v.summary}"></#if>
<meta property="og:title" content="<#nested>">
<#if v.summary?has_content><meta property="og:description" content="${v.summary}"></#if>
<meta property="og:locale" content="${(v.lang == "ja")?then("ja_JP", "en_US")}">
<meta property="og:type" content="website">
<link rel="stylesheet" href="${v.root}assets/medguide.css">
<link rel="icon" href="${v.root}assets/favicon.svg" type="image/svg+xml">
<script src="${v.root}assets/search/engine.js" defer></script>
<script src="${v.root}assets/search/ui.js" defer></script>
<link rel="alternate" hreflang="${v.lang}" href="${v.url?keep_after_last("/")}">
<#list v.alternates as alt>
<link rel="alternate" hreflang="${alt.lang}" href="${alt.url}">
</#list>
</#macro>

<#-- Skip link and site header: title, search box, language switch to the same page. -->
<#macro header v>
<a class="skip-link" href="#main">${t["skip.link"]}</a>
<header class="site-header">
  <#if v.home??><a class="site-title" href="${v.home.url}">${t["site.title"]}</a><#else><span class="site-title">${t["site.title"]}</span></#if>
  <form class="site-search" role="search" action="${v.root}${v.lang}/search.html" method="get">
    <label for="site-search-input" class="visually-hidden">${t["search.label"]}</label>
    <input id="site-search-input" name="q" type="search" placeholder="${t["search.placeholder"]}" autocomplete="off">
    <kbd class="search-key" aria-hidden="true">/</kbd>
  </form>
  <#if v.alternates?has_content>
  <nav class="lang-switch" aria-label="${t["lang.switch.label"]}">
    <ul>
      <li><span aria-current="true" lang="${v.lang}">${t["language.name"]}</span></li>
      <#list v.alternates as alt>
      <li><a href="${alt.url}" hreflang="${alt.lang}" lang="${alt.lang}">${alt.language}</a></li>
      </#list>
    </ul>
  </nav>
  </#if>
</header>
</#macro>

<#-- Body attributes the search scripts read: where the site root is, and the UI words. -->
<#macro bodyAttributes v>data-root="${v.root}" data-search-text="{&quot;count&quot;:&quot;${t["search.count"]?json_string}&quot;,&quot;countMore&quot;:&quot;${t["search.countMore"]?json_string}&quot;,&quot;countApproximate&quot;:&quot;${t["search.countApproximate"]?json_string}&quot;,&quot;empty&quot;:&quot;${t["search.empty"]?json_string}&quot;,&quot;error&quot;:&quot;${t["search.error"]?json_string}&quot;,&quot;mhlw&quot;:&quot;${t["related.mhlw"]?json_string}&quot;,&quot;mic&quot;:&quot;${t["related.mic"]?json_string}&quot;,&quot;site&quot;:&quot;${t["search.site"]?json_string}&quot;,&quot;clearHighlight&quot;:&quot;${t["search.clearHighlight"]?json_string}&quot;,&quot;more&quot;:&quot;${t["search.more"]?json_string}&quot;}"</#macro>

<#-- Breadcrumbs from the home page to the current page. -->
<#macro breadcrumbs v>
<#if v.breadcrumbs?has_content>
<nav class="breadcrumbs" aria-label="${t["breadcrumbs.label"]}">
  <ol>
    <#list v.breadcrumbs as crumb><li><a href="${crumb.url}">${crumb.label}</a></li></#list>
    <li><span aria-current="page">${v.label}</span></li>
  </ol>
</nav>
</#if>
</#macro>

<#-- The navigation tree; the current page carries aria-current. -->
<#macro tree items>
<#if items?has_content>
<ul>
<#list items as item>
  <li<#if item.current> class="current"<#elseif item.open> class="open"</#if>><a href="${item.url}"<#if item.current> aria-current="page"</#if>>${item.label}</a><@tree item.items/></li>
</#list>
</ul>
</#if>
</#macro>

<#-- The source line: publisher, guideline title, edition, section. -->
<#macro source s lang>
<#if lang == "ja">${s.publisher}「${s.title}」${s.edition}<#if s.section?has_content> ${s.section}</#if><#else>${s.publisher}, “${s.title}”, ${s.edition}<#if s.section?has_content>, ${s.section}</#if></#if>
</#macro>

<#-- Sections of the other guideline that correspond to this page, from the crosswalk. -->
<#macro related items>
<section class="related" aria-labelledby="related">
  <h2 id="related">${t["related.title"]}</h2>
  <ul>
  <#list items as item>
    <li class="relation-${item.relation}">
      <#if item.url??><span class="related-guideline">${t["related." + item.guideline]}</span> <a href="${item.url}">${item.label}</a><#else>${t["related.none." + item.guideline]}</#if>
      <span class="relation">${item.relationLabel}</span> <span class="confidence confidence-${item.confidence}">${item.confidenceLabel}</span>
      <#if item.compareUrl??><a class="compare-link" href="${item.compareUrl}">${t["compare.link"]}</a></#if>
      <#if item.note?has_content><span class="related-note">${item.note}</span></#if>
    </li>
  </#list>
  </ul>
</section>
</#macro>
