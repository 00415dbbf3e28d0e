// Injected by AccessibilityIT into a copy of a built page: runs axe-core at WCAG 2.1 A/AA once
// the page is ready (see whenReady), and writes the violations into <pre id="axe-results">.
(function () {
  "use strict";
  function run() {
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then(function (result) {
        var out = result.violations.map(function (v) {
          return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" "); }) };
        });
        var pre = document.createElement("pre");
        pre.id = "axe-results";
        pre.textContent = JSON.stringify(out);
        document.body.appendChild(pre);
      });
  }
  // On a search page, once the results and snippets are shown (the list is then aria-busy=false);
  // elsewhere as soon as the page has loaded.
  function whenReady() {
    var results = document.getElementById("search-results");
    if (!results || !/[?&]q=/.test(window.location.search) || results.getAttribute("aria-busy") === "false") {
      run();
      return;
    }
    new MutationObserver(function (changes, observer) {
      if (results.getAttribute("aria-busy") === "false") {
        observer.disconnect();
        run();
      }
    }).observe(results, { attributes: true, attributeFilter: ["aria-busy"] });
  }
  window.addEventListener("load", whenReady);
})();
