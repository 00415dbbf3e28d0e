<#ftl output_format="HTML" strip_whitespace=true>
<#-- A guideline's self-assessment checklist {lang}/checklist/{guideline}.html: every requirement by
     section. assets/checklist.js keeps the statuses in the browser (localStorage), filters, counts
     progress, exports and imports CSV. page: the layout keys plus guideline, guidelineTitle, count,
     statuses, levels, xlsxUrl, others: [{url, label}], sections: [{id, label, url, items: [{id, level,
     number, edition, text, url, fingerprint, section}]}] -->
<#import "macros.ftl" as m>
<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<@m.head page>${page.label} | ${t["site.title"]}</@m.head>
<script src="${page.root}assets/checklist.js" defer></script>
</head>
<body class="kind-checklist" <@m.bodyAttributes page/>>
<@m.header page/>
<main id="main" tabindex="-1">
  <@m.breadcrumbs page/>
  <article id="checklist" data-guideline="${page.guideline}" data-text="{&quot;saved&quot;:&quot;${t["checklist.saved"]?json_string}&quot;,&quot;imported&quot;:&quot;${t["checklist.imported"]?json_string}&quot;,&quot;importFailed&quot;:&quot;${t["checklist.importFailed"]?json_string}&quot;,&quot;cleared&quot;:&quot;${t["checklist.cleared"]?json_string}&quot;,&quot;confirmClear&quot;:&quot;${t["checklist.confirmClear"]?json_string}&quot;,&quot;progress&quot;:&quot;${t["checklist.progress"]?json_string}&quot;,&quot;noStorage&quot;:&quot;${t["checklist.noStorage"]?json_string}&quot;}">
    <header class="page-header">
      <h1>${page.label}</h1>
      <#if page.guidelineTitle??><p class="checklist-guideline">${page.guidelineTitle}</p></#if>
    </header>
    <p>${t["checklist.intro"]}</p>
    <p class="requirements-coverage coverage-partial">${t["checklist.coverage"]?replace("{0}", page.count?c)}</p>
    <noscript><p class="checklist-noscript">${t["checklist.noscript"]}</p></noscript>
    <form class="checklist-filters" id="checklist-filters">
      <p>
        <label for="filter-section">${t["checklist.filter.section"]}</label>
        <select id="filter-section">
          <option value="">${t["checklist.filter.all"]}</option>
          <#list page.sections as s><option value="${s.id}">${s.label}</option></#list>
        </select>
      </p>
      <fieldset>
        <legend>${t["checklist.filter.level"]}</legend>
        <#list page.levels as level><label><input type="checkbox" name="level" value="${level}" checked> ${t["req.level." + level]}</label> </#list>
      </fieldset>
      <p>
        <label for="filter-status">${t["checklist.filter.status"]}</label>
        <select id="filter-status">
          <option value="">${t["checklist.filter.all"]}</option>
          <option value="open">${t["checklist.filter.open"]}</option>
          <#list page.statuses as s><option value="${s}">${t["checklist.status." + s]}</option></#list>
        </select>
      </p>
    </form>
    <div class="checklist-actions">
      <button type="button" id="checklist-export">${t["checklist.export"]}</button>
      <label class="checklist-import">${t["checklist.import"]} <input type="file" id="checklist-import" accept=".csv,text/csv"></label>
      <button type="button" id="checklist-print">${t["checklist.print"]}</button>
      <a href="${page.xlsxUrl}" download>${t["checklist.xlsx"]}</a>
      <button type="button" id="checklist-clear">${t["checklist.clear"]}</button>
    </div>
    <p class="checklist-total"><label for="progress-all">${t["checklist.total"]}</label> <progress id="progress-all" max="${page.count?c}" value="0"></progress> <span class="progress-text" data-progress-for="all">0 / ${page.count?c}</span></p>
    <p id="checklist-status" class="checklist-status" role="status" aria-live="polite"></p>
    <section id="checklist-removed" class="checklist-removed" hidden aria-labelledby="removed-title">
      <h2 id="removed-title">${t["checklist.removed"]}</h2>
      <p>${t["checklist.removed.note"]}</p>
      <ul></ul>
    </section>
    <#list page.sections as s>
    <section class="checklist-section" id="section-${s.id}" data-section="${s.id}" aria-labelledby="title-${s.id}">
      <h2 id="title-${s.id}"><a href="${s.url}">${s.label}</a></h2>
      <p class="checklist-progress"><label for="progress-${s.id}">${t["checklist.sectionProgress"]}</label> <progress id="progress-${s.id}" max="${s.items?size?c}" value="0"></progress> <span class="progress-text" data-progress-for="${s.id}">0 / ${s.items?size?c}</span></p>
      <div class="table-scroll"><table class="checklist-table">
        <caption class="visually-hidden">${s.label}</caption>
        <thead><tr><th scope="col">${t["checklist.column.item"]}</th><th scope="col">${t["checklist.column.status"]}</th><th scope="col">${t["checklist.column.checked"]}</th><th scope="col">${t["checklist.column.target"]}</th><th scope="col">${t["checklist.column.note"]}</th></tr></thead>
        <tbody>
        <#list s.items as i>
        <tr id="item-${i.id}" class="checklist-item" data-id="${i.id}" data-level="${i.level}" data-number="${i.number}" data-section="${s.label}" data-fingerprint="${i.fingerprint}">
          <th scope="row"><a href="${i.url}"><span class="req-level req-level-${i.level}">${t["req.level." + i.level]}</span><#if i.number?has_content> <span class="req-number">${i.number}</span></#if></a> <span class="req-edition">${t["req.edition." + i.edition]}</span> <code class="req-id">${i.id}</code>
            <span class="checklist-text">${i.text}</span>
            <span class="checklist-changed" hidden>${t["checklist.changed"]}</span></th>
          <td><select name="status" aria-label="${t["checklist.column.status"]}: ${i.id}"><option value="">${t["checklist.status.none"]}</option><#list page.statuses as st><option value="${st}">${t["checklist.status." + st]}</option></#list></select></td>
          <td><input type="date" name="checked" aria-label="${t["checklist.column.checked"]}: ${i.id}"></td>
          <td><input type="date" name="target" aria-label="${t["checklist.column.target"]}: ${i.id}"></td>
          <td><textarea name="note" rows="2" aria-label="${t["checklist.column.note"]}: ${i.id}"></textarea></td>
        </tr>
        </#list>
        </tbody>
      </table></div>
    </section>
    </#list>
    <#if page.others?has_content><p class="checklist-others"><#list page.others as o><a href="${o.url}">${o.label}</a><#sep> · </#list></p></#if>
  </article>
</main>
<footer class="site-footer">
  <p class="disclaimer">${t["footer.note"]}</p>
</footer>
</body>
</html>
