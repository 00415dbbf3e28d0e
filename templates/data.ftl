<#ftl output_format="HTML" strip_whitespace=true>
<#--
  The data tables that pages show with the block macros committee::[], crosswalk::[] and
  glossary::[], generated from the CSV files in content/data/. A site owner may change them here.
  Each macro gets `t`, the interface words of the page's language (templates/i18n/), and a view
  prepared from the data: text is escaped here, URLs are already relative to the page.
-->

<#-- view: ja (the page is Japanese), provisional (some English readings unconfirmed),
     members: [{no, chair, nameJa, nameEn, confirmed, affiliationJa, affiliationEn}] -->
<#macro committee view t>
<#local caption = t["committee.caption"]?replace("{0}", view.members?size?c)>
<div class="table-scroll" tabindex="0" role="region" aria-label="${caption}"><table class="tableblock committee">
<caption>${caption}</caption>
<thead><tr><#list ["no", "name", "affiliation", "role"] as column><th scope="col">${t["committee." + column]}</th></#list></tr></thead>
<tbody>
<#list view.members as m>
<#if m.chair><tr class="chair"><#else><tr></#if><td>${m.no}</td><th scope="row"><#if view.ja><span class="member-name">${m.nameJa}</span><#else><span class="member-name">${m.nameEn}<#if !m.confirmed>†</#if></span> <span class="member-name-ja" lang="ja">${m.nameJa}</span></#if></th><td><#if view.ja>${m.affiliationJa}<#else>${m.affiliationEn}<br><span class="affiliation-ja" lang="ja">${m.affiliationJa}</span></#if></td><td>${t[m.chair?then("committee.chair", "committee.member")]}</td></tr>
</#list>
</tbody></table></div>
<#if !view.ja && view.provisional>
<p class="table-note">${t["committee.provisional"]}</p>
</#if>
</#macro>

<#-- view: categories: [{code, rows: [{relation, confidence, note, mhlw, mic, compareUrl}]}],
     where mhlw and mic are {url, label} or absent, compareUrl is absent unless both pages exist -->
<#macro crosswalk view t>
<table class="tableblock crosswalk-matrix">
<caption>${t["matrix.caption"]}</caption>
<thead><tr><th scope="col">${t["related.mhlw"]}</th><th scope="col">${t["matrix.relation"]}</th><th scope="col">${t["related.mic"]}</th></tr></thead>
<#list view.categories as category>
<tbody id="category-${category.code}">
<tr class="matrix-category"><th colspan="3" scope="colgroup">${t["category." + category.code]}</th></tr>
<#list category.rows as row>
<tr class="relation-${row.relation}"><@matrixCell row.mhlw!, t["related.mhlw"], row, t/><@relationCell row, t/><@matrixCell row.mic!, t["related.mic"], row, t/></tr>
</#list>
</tbody>
</#list>
</table>
</#macro>

<#macro matrixCell target heading row t><td data-label="${heading}"><#if target?has_content><a href="${target.url}">${target.label}</a><#else><span class="matrix-none">${t["relation." + row.relation]}</span></#if></td></#macro>

<#macro relationCell row t><#local text>${t["relation." + row.relation]} <span class="confidence confidence-${row.confidence}">${t["confidence." + row.confidence]}</span></#local><td class="matrix-relation" data-label="${t["matrix.relation"]}"><#if row.compareUrl??><a class="compare-link" href="${row.compareUrl}">${text}</a><#else>${text}</#if><#if row.note?has_content><span class="related-note">${row.note}</span></#if></td></#macro>

<#-- view: ja (the page is Japanese), terms: [{id, ja, en, reading, definition, note, variants,
     pages: [{url, label}]}] in the language's collation order -->
<#macro glossary view t>
<dl class="glossary">
<#list view.terms as term>
<dt id="${term.id}"><#if view.ja><span class="term">${term.ja}</span> <span class="reading">（${term.reading}）</span> <span class="translation" lang="en">${term.en}</span><#else><span class="term">${term.en}</span> <span class="translation" lang="ja">${term.ja}</span> <span class="reading" lang="ja">（${term.reading}）</span></#if> <a class="heading-anchor" href="#${term.id}" aria-label="${t["anchor.label"]}"></a></dt>
<dd>
<p>${term.definition}</p>
<#if term.note?has_content>
<p class="term-note">${term.note}</p>
</#if>
<#if term.variants?has_content>
<p class="term-variants"><span class="label">${t["glossary.variants"]}</span> <span lang="ja">${term.variants?join("、")}</span></p>
</#if>
<#if term.pages?has_content>
<p class="term-pages"><span class="label">${t["glossary.pages"]}</span> <#list term.pages as p><a href="${p.url}">${p.label}</a><#sep>${t["list.separator"]}</#list></p>
</#if>
</dd>
</#list>
</dl>
</#macro>

<#-- A requirement block's header. view: id, level (C, D, A, B, disclosure, measure), number (as
     printed in the edition, may be empty), edition (code), locations: [{code, label}] in 第6.0版,
     basis (table, draft, inferred or empty), counterparts: [{url, label, guideline, basis, note}] -->
<#macro requirementHead view t>
<p class="requirement-head"><span class="req-level req-level-${view.level}">${t["req.level." + view.level]}</span><#if view.number?has_content> <span class="req-number">${view.number}</span></#if> <span class="req-edition">${t["req.edition." + view.edition]}</span> <a class="heading-anchor req-anchor" href="#${view.id}" aria-label="${t["req.anchor"]?replace("{0}", view.id)}"></a> <code class="req-id">${view.id}</code></p>
</#macro>

<#-- The part after a requirement's body: where it sits in 第6.0版 and the items on the other side. -->
<#macro requirementFoot view t>
<dl class="requirement-meta">
<dt>${t["req.v6"]}</dt>
<dd><#if view.locations?has_content><#list view.locations as l><span class="req-v6">${l.label}</span><#sep> / </#list> <span class="req-basis req-basis-${view.basis}">${t["req.basis." + view.basis]}</span><#else><span class="req-v6-none">${t["req.v6.none"]}</span></#if></dd>
<#if view.counterparts?has_content>
<dt>${t["req.counterparts." + view.counterparts[0].guideline]}</dt>
<dd><ul class="req-counterparts"><#list view.counterparts as c><li><a href="${c.url}">${c.label}</a> <span class="req-link-basis">${t["req.link." + c.basis]}</span><#if c.note?has_content> <span class="related-note">${c.note}</span></#if></li></#list></ul></dd>
</#if>
</dl>
</#macro>

<#-- The coverage line. view: count, levels: [{level, count}], coverage (partial, complete), checklistUrl -->
<#macro requirementsCoverage view t>
<p class="requirements-coverage coverage-${view.coverage}">${t["req.coverage." + view.coverage]?replace("{0}", view.count?c)}<#if view.levels?has_content> (<#list view.levels as l>${t["req.level." + l.level]}: ${l.count?c}<#sep>, </#list>)</#if> <a href="${view.checklistUrl}">${t["req.checklist.link"]}</a></p>
</#macro>
