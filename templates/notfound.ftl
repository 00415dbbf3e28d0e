<#ftl output_format="HTML" strip_whitespace=true>
<#-- The 404 page of one language, {lang}/404.html. Point the web server's error page at it. -->
<#import "macros.ftl" as m>
<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<@m.head page>${page.label} | ${t["site.title"]}</@m.head>
<meta name="robots" content="noindex">
</head>
<body class="kind-notfound" <@m.bodyAttributes page/>>
<@m.header page/>
<main id="main" tabindex="-1">
  <article>
    <h1>${page.label}</h1>
    <p>${t["notfound.text"]}</p>
    <ul>
      <#list page.links as link><li><a href="${link.url}">${link.label}</a></li></#list>
    </ul>
  </article>
</main>
<footer class="site-footer">
  <p class="disclaimer">${t["footer.note"]}</p>
</footer>
</body>
</html>
