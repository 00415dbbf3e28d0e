/*
 * medguide page behaviour: folds the navigation on narrow screens; keeps the #fragment when
 * switching language; the search box in every page's header (results as you type, "/"
 * to focus) and the results page {lang}/search.html?q=… (shareable). Classic script, so it
 * works from file:// as well as from any web server and sub-path.
 */
(function () {
  "use strict";
  // The navigation tree is open in the HTML (usable without scripts); on a narrow screen it
  // starts folded so the page's text comes first.
  var nav = document.querySelector("details.site-nav");
  if (nav && window.matchMedia && window.matchMedia("(max-width: 60rem)").matches) {
    nav.open = false;
  }
  // The language switch keeps the reader's place: the same fragment on the other language's page
  // (section and requirement ids are the same in every language).
  function keepFragment() {
    Array.prototype.forEach.call(document.querySelectorAll(".lang-switch a[hreflang]"), function (a) {
      var href = a.getAttribute("href").split("#")[0];
      a.setAttribute("href", href + (location.hash || ""));
    });
  }
  keepFragment();
  window.addEventListener("hashchange", keepFragment);
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  highlight();

  /**
   * A page opened from a search result (?h=the query's words) marks those words in its body,
   * scrolls to the first unless the link names an anchor, and offers a button that clears them.
   */
  function highlight() {
    var words = (new URLSearchParams(location.search).get("h") || "").split(/\s+/)
      .filter(function (w) { return w.length > 1 || /[^\x00-\x7f]/.test(w) && w.length > 0; });
    var scope = document.getElementById("page-body");
    if (!words.length || !scope) return;
    var pattern = new RegExp(words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); })
      .sort(function (a, b) { return b.length - a.length; }).join("|"), "gi");
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode;
        return parent && /^(SCRIPT|STYLE|MARK)$/.test(parent.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var marks = [];
    nodes.forEach(function (node) {
      var textValue = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(textValue)) return;
      pattern.lastIndex = 0;
      var fragment = document.createDocumentFragment();
      var last = 0;
      textValue.replace(pattern, function (match, offset) {
        fragment.appendChild(document.createTextNode(textValue.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.className = "search-highlight";
        mark.textContent = match;
        fragment.appendChild(mark);
        marks.push(mark);
        last = offset + match.length;
        return match;
      });
      fragment.appendChild(document.createTextNode(textValue.slice(last)));
      node.parentNode.replaceChild(fragment, node);
    });
    if (!marks.length) return;
    var words2 = JSON.parse(body.getAttribute("data-search-text") || "{}");
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "highlight-clear";
    clear.textContent = words2.clearHighlight || "×";
    clear.addEventListener("click", function () {
      marks.forEach(function (mark) { mark.replaceWith(document.createTextNode(mark.textContent)); });
      scope.normalize();
      clear.remove();
      try {
        history.replaceState(null, "", location.pathname + location.hash);
      } catch (e) {
        // file:// may refuse; the marks are gone all the same.
      }
    });
    scope.insertBefore(clear, scope.firstChild);
    if (!location.hash) marks[0].scrollIntoView({ block: "center" });
  }

  /** A result's link: the page, asked to mark the query's words (?h=), then its anchor. */
  function withHighlight(url, surfaces) {
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    var words = surfaces.filter(function (w, i, all) { return w && all.indexOf(w) === i; }).join(" ");
    return words ? path + "?h=" + encodeURIComponent(words) + (hash < 0 ? "" : url.slice(hash)) : url;
  }
  var lang = document.documentElement.lang || "ja";
  var input = document.getElementById("site-search-input");
  var S = window.MedguideSearch;
  if (!input || !S) {
    return;
  }
  input.disabled = false;
  input.placeholder = input.getAttribute("data-placeholder") || input.placeholder;
  var text = JSON.parse(body.getAttribute("data-search-text") || "{}");

  function href(url) {
    return root + url;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  var page = document.getElementById("search-page");
  if (page) {
    resultsPage(page);
  } else {
    dropdown();
  }

  /**
   * Results as you type under the header box, as a WAI-ARIA combobox: ArrowDown / ArrowUp move
   * through the options, Enter opens the chosen one (or, with none chosen, the full results
   * page), Escape closes the list.
   */
  function dropdown() {
    var list = document.createElement("ul");
    list.id = "search-suggestions";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.parentNode.appendChild(list);
    var active = -1;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function show(open) {
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) choose(-1);
    }

    function choose(index) {
      var all = options();
      active = index;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    var run = debounce(function () {
      var query = input.value.trim();
      if (!query) {
        show(false);
        return;
      }
      S.search(query, lang, 6).then(function (hits) {
        if (input.value.trim() !== query) return;
        list.innerHTML = "";
        hits.forEach(function (hit, i) {
          var item = document.createElement("li");
          item.setAttribute("role", "option");
          item.id = "search-option-" + i;
          var link = document.createElement("a");
          link.href = withHighlight(href(hit.url), hits.query ? hits.query.surfaces : query.split(/\s+/));
          link.textContent = hit.title;
          link.tabIndex = -1;
          item.appendChild(link);
          list.appendChild(item);
        });
        choose(-1);
        show(hits.length > 0);
      });
    }, 120);
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!count) return;
        event.preventDefault();
        if (list.hidden) show(true);
        var step = event.key === "ArrowDown" ? 1 : -1;
        choose(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.href = options()[active].querySelector("a").href;
      } else if (event.key === "Escape" && !list.hidden) {
        // First Escape closes the list and keeps the words; a second one clears the box.
        event.preventDefault();
        show(false);
      }
    });
  }

  /** The results page: query from ?q=, filters by guideline and language, live updates. */
  function resultsPage(page) {
    var form = document.getElementById("search-form");
    var field = document.getElementById("search-page-input");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var PAGE = 20;
    var params = new URLSearchParams(window.location.search);
    field.value = params.get("q") || "";
    input.value = field.value;
    var both = form.querySelector('select[name="lang"]');
    if (params.get("lang") === "all") both.value = "all";
    var guidelines = Array.prototype.slice.call(form.querySelectorAll('input[name="g"]'));
    var chosen = params.getAll("g");
    if (chosen.length) {
      guidelines.forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    }

    function languages() {
      return both.value === "all" ? [lang].concat(lang === "ja" ? ["en"] : ["ja"]) : [lang];
    }

    function selected() {
      return guidelines.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    }

    function update() {
      var query = field.value.trim();
      var url = "?q=" + encodeURIComponent(query) + (both.value === "all" ? "&lang=all" : "") +
        selected().filter(function () { return selected().length < guidelines.length; }).map(function (g) { return "&g=" + g; }).join("");
      try {
        window.history.replaceState(null, "", url);
      } catch (e) {
        // Some browsers refuse to change file:// URLs; the results still update.
      }
      if (!query) {
        status.textContent = text.empty || "";
        results.innerHTML = "";
        more.hidden = true;
        results.setAttribute("aria-busy", "false");
        return;
      }
      // Busy until the results and their snippets are shown (screen readers wait; tests too).
      results.setAttribute("aria-busy", "true");
      var surfaces = [];
      Promise.all(languages().map(function (l) { return S.search(query, l, 0); })).then(function (lists) {
        if (field.value.trim() !== query) return;
        var hits = [];
        var partial = false;
        // Results that only share parts of words (bigrams) are shown only if no language has
        // the words themselves, and then said to be so.
        var approximate = lists.every(function (list) { return list.approximate || !list.length; });
        lists.forEach(function (list) {
          surfaces = surfaces.concat(list.query.surfaces);
          if (approximate || !list.approximate) hits = hits.concat(list);
          partial = partial || list.partial;
        });
        var wanted = selected();
        hits = hits.filter(function (h) { return wanted.indexOf(h.guideline) >= 0; });
        hits.sort(function (a, b) { return b.score - a.score; });
        var counted = approximate && hits.length ? text.countApproximate : partial ? text.countMore : text.count;
        status.textContent = (counted || "{0}").replace("{0}", hits.length);
        results.innerHTML = "";
        return showFrom(hits, 0, surfaces, query);
      }).catch(function (error) {
        status.textContent = (text.error || "") + " " + error.message;
        results.setAttribute("aria-busy", "false");
      });
    }

    /**
     * Shows results from {@code from} on, a page of 20, below those already shown; a "more" button
     * (focusable, so the keyboard reaches every match) shows the next page and moves focus to it.
     */
    function showFrom(hits, from, surfaces, query, focusFirst) {
      more.hidden = true;
      return S.describe(hits.slice(from, from + PAGE)).then(function (shown) {
        if (!shown || field.value.trim() !== query) return;
        var snippets = [];
        var first = null;
        shown.forEach(function (hit) {
          var item = document.createElement("li");
          item.className = "search-result guideline-" + hit.guideline;
          var link = document.createElement("a");
          link.href = withHighlight(href(hit.url), surfaces);
          link.textContent = hit.title;
          if (hit.lang !== lang) link.setAttribute("hreflang", hit.lang);
          first = first || link;
          var where = document.createElement("span");
          where.className = "search-result-where";
          where.textContent = (text[hit.guideline] || hit.guideline) + (hit.lang !== lang ? " · " + hit.lang : "");
          var excerpt = document.createElement("p");
          excerpt.className = "search-snippet";
          item.appendChild(link);
          item.appendChild(where);
          item.appendChild(excerpt);
          results.appendChild(item);
          snippets.push(S.snippet(hit, surfaces).then(function (html) { excerpt.innerHTML = html; }));
        });
        if (focusFirst && first) first.focus();
        var rest = hits.length - from - shown.length;
        more.hidden = rest <= 0;
        more.textContent = (text.more || "{0}").replace("{0}", rest);
        more.onclick = function () {
          showFrom(hits, from + PAGE, surfaces, query, true);
        };
        return Promise.all(snippets).then(function () {
          if (field.value.trim() === query) results.setAttribute("aria-busy", "false");
        });
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    field.addEventListener("input", debounce(update, 150));
    both.addEventListener("change", update);
    guidelines.forEach(function (box) { box.addEventListener("change", update); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        field.value = input.value;
        update();
      }
    });
    update();
  }
})();
