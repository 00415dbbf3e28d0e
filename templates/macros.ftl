<#ftl output_format="HTML" strip_whitespace=true>
<#-- Building blocks of page.ftl. -->

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
      <#if item.note?has_content><span class="related-note">${item.note}</span></#if>
    </li>
  </#list>
  </ul>
</section>
</#macro>
