<#ftl output_format="HTML" strip_whitespace=true>
<#-- The site's root index.html: sends readers to the first language's home page, offers all. -->
<!DOCTYPE html>
<html lang="${primary.lang!"ja"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<#if primary.url??><meta http-equiv="refresh" content="0; url=${primary.url}"></#if>
<title>${primary.siteTitle!"medguide"}</title>
<link rel="stylesheet" href="assets/medguide.css">
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<#list languages as l>
<link rel="alternate" hreflang="${l.lang}" href="${l.url}">
</#list>
</head>
<body class="kind-root">
<main id="main" class="root-choice">
<#list languages as l>
  <p lang="${l.lang}"><a href="${l.url}" hreflang="${l.lang}">${l.siteTitle} — ${l.language}</a></p>
</#list>
</main>
</body>
</html>
