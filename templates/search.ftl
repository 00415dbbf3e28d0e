<#ftl output_format="HTML" strip_whitespace=true>
<#-- The search page {lang}/search.html?q=…; results are rendered by assets/search/ui.js. -->
<#import "macros.ftl" as m>
<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<@m.head page>${page.label} | ${t["site.title"]}</@m.head>
</head>
<body class="kind-search" <@m.bodyAttributes page/>>
<@m.header page/>
<main id="main" tabindex="-1">
  <@m.breadcrumbs page/>
  <article id="search-page">
    <h1>${page.label}</h1>
    <form id="search-form" class="search-form" role="search" action="search.html" method="get">
      <p>
        <label for="search-page-input">${t["search.label"]}</label>
        <input id="search-page-input" name="q" type="search" autocomplete="off">
        <button type="submit">${t["search.button"]}</button>
      </p>
      <fieldset>
        <legend>${t["search.filter.guideline"]}</legend>
        <label><input type="checkbox" name="g" value="mhlw" checked> ${t["related.mhlw"]}</label>
        <label><input type="checkbox" name="g" value="mic" checked> ${t["related.mic"]}</label>
        <label><input type="checkbox" name="g" value="site" checked> ${t["search.site"]}</label>
      </fieldset>
      <p>
        <label for="search-lang">${t["search.filter.lang"]}</label>
        <select id="search-lang" name="lang">
          <option value="">${t["search.lang.this"]}</option>
          <option value="all">${t["search.lang.all"]}</option>
        </select>
      </p>
    </form>
    <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
    <ol id="search-results" class="search-results"></ol>
    <p><button type="button" id="search-more" class="search-more" hidden></button></p>
    <noscript><p>${t["search.noscript"]}</p></noscript>
  </article>
</main>
<footer class="site-footer">
  <p class="disclaimer">${t["footer.note"]}</p>
</footer>
</body>
</html>
