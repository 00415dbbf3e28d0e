/*
 * medguide static search engine. A classic script (not an ES module) because module scripts
 * are blocked on file:// pages; it defines one global, MedguideSearch.
 *
 * It searches the index that the build exports from Lucene (assets/search/{lang}/*.js), with
 * the same normalisation (NFKC + case folding), the query segmented against the index's own
 * vocabulary (the lexicon: normalised spelling -> index terms) with a CJK bigram fallback,
 * glossary expansion, and the same BM25 ranking with the same field weights as Lucene.
 * Shards are loaded with <script> elements, only those a query needs.
 */
(function (global) {
  "use strict";

  var registry = {};
  var waiting = {};
  var loader = null;
  // Where the index files are: next to this script, whatever folder the site is in. Read
  // while this script runs, when currentScript is this script.
  var base = (function () {
    var script = global.document && global.document.currentScript;
    return script && /engine\.js/.test(script.src) ? script.src.replace(/engine\.js(\?.*)?$/, "") : "";
  })();

  function indexBase() {
    return base;
  }

  /** Called by every index file: MedguideSearch.register("ja", "meta", {...}). */
  function register(lang, name, data) {
    var key = lang + "/" + name;
    registry[key] = data;
    (waiting[key] || []).forEach(function (resolve) { resolve(data); });
    delete waiting[key];
  }

  /** Loads one index file once; resolves with its data. */
  function load(lang, name) {
    var key = lang + "/" + name;
    if (registry[key]) {
      return Promise.resolve(registry[key]);
    }
    return new Promise(function (resolve, reject) {
      var first = !waiting[key];
      (waiting[key] = waiting[key] || []).push(resolve);
      if (first && loader) {
        loader(indexBase() + lang + "/" + name + ".js");
      } else if (first && global.document) {
        var script = global.document.createElement("script");
        script.src = indexBase() + lang + "/" + name + ".js";
        script.async = true;
        script.onerror = function () { reject(new Error("cannot load search index " + key)); };
        global.document.head.appendChild(script);
      }
    });
  }

  /** NFKC with case folding, as Lucene's ICU nfkc_cf char filter. */
  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase();
  }

  /** FNV-1a over UTF-16 code units: the exporter's shard function. */
  function shard(key, count) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % count;
  }

  function isCjk(ch) {
    return /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30fc]/.test(ch);
  }

  function isWordChar(ch) {
    return /[0-9a-z\u00c0-\u024f]/.test(ch);
  }

  /**
   * Replaces glossary variants by their term (取り扱い -> 取扱い): at each position the longest
   * spelling in the map (terms map to themselves), as GlossaryExpansion.canonicalize does.
   */
  function canonicalize(text, variants) {
    variants = variants || {};
    var out = "";
    var i = 0;
    while (i < text.length) {
      var match = null;
      for (var end = Math.min(text.length, i + 32); end > i; end--) {
        if (Object.prototype.hasOwnProperty.call(variants, text.substring(i, end))) {
          match = text.substring(i, end);
          break;
        }
      }
      if (match === null) {
        out += text[i];
        i++;
      } else {
        out += variants[match];
        i += match.length;
      }
    }
    return out;
  }


  /**
   * The terms of the bigram field, as Lucene's StandardTokenizer + CJKBigramFilter make them:
   * overlapping bigrams of each run of Japanese characters (a lone character stays a
   * unigram), and other words whole, in text order.
   */
  function bigrams(text) {
    var out = [];
    var tokens = text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30fc]+|[0-9a-z\u00c0-\u024f]+/g) || [];
    tokens.forEach(function (run) {
      if (!isCjk(run[0])) {
        out.push(run);
        return;
      }
      if (run.length === 1) {
        out.push(run);
      }
      for (var i = 0; i + 1 < run.length; i++) {
        out.push(run.substring(i, i + 2));
      }
    });
    return out;
  }


  /** The lexicon shards a text needs: one per distinct first character. */
  function lexiconShards(text, meta) {
    var shards = {};
    for (var i = 0; i < text.length; i++) {
      if (!/\s/.test(text[i])) {
        shards[shard(text[i], meta.shards.lexicon)] = true;
      }
    }
    return Object.keys(shards).map(Number);
  }

  /**
   * Splits a normalised query into index terms: at each position the longest spelling the
   * lexicon knows; unknown Latin words are kept whole; unknown Japanese only feeds bigrams.
   * Returns {terms, surfaces}.
   */
  function segment(text, lookup) {
    var terms = [];
    var surfaces = [];
    var i = 0;
    while (i < text.length) {
      var ch = text[i];
      if (/[\s\p{P}\p{S}]/u.test(ch)) {
        i++;
        continue;
      }
      var found = null;
      for (var end = Math.min(text.length, i + 24); end > i; end--) {
        var candidate = text.substring(i, end);
        var hit = lookup(candidate);
        var wordEnd = end === text.length || !isWordChar(text[end - 1]) || !isWordChar(text[end]);
        if (hit && wordEnd) {
          found = { end: end, terms: hit, surface: candidate };
          break;
        }
      }
      if (found) {
        found.terms.forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
        surfaces.push(found.surface);
        i = found.end;
      } else if (isWordChar(ch)) {
        var j = i;
        while (j < text.length && isWordChar(text[j])) j++;
        var word = text.substring(i, j);
        if (terms.indexOf(word) < 0) terms.push(word);
        surfaces.push(word);
        i = j;
      } else {
        i++;
      }
    }
    return { terms: terms, surfaces: surfaces };
  }

  /** Analyses a query for a language: word terms, bigram terms, surfaces to highlight. */
  function analyze(query, lang) {
    return load(lang, "meta").then(function (meta) {
      var text = canonicalize(normalize(query).replace(/[\u0000-\u001f]/g, " ").trim().substring(0, 200), lang === "ja" ? meta.variants : {});
      var needed = lexiconShards(text, meta);
      return Promise.all(needed.map(function (n) { return load(lang, "lexicon-" + n); })).then(function () {
        var lookup = function (surface) {
          var data = registry[lang + "/lexicon-" + shard(surface[0], meta.shards.lexicon)];
          return data && data[surface];
        };
        var seg = segment(text, lookup);
        var words = seg.terms.slice();
        var expansions = meta.expansions || {};
        var whole = text.trim();
        var extra = (expansions[whole] || []).slice();
        whole.split(/\s+/).forEach(function (part) {
          if (part !== whole) (expansions[part] || []).forEach(function (t) { if (extra.indexOf(t) < 0) extra.push(t); });
        });
        extra.forEach(function (t) { if (seg.terms.indexOf(t) < 0) seg.terms.push(t); });
        var grams = lang === "ja" ? bigrams(text).filter(function (g, k, all) { return all.indexOf(g) === k; }) : [];
        return { meta: meta, words: words, terms: seg.terms, bigrams: grams, surfaces: seg.surfaces, text: text };
      });
    });
  }

  /** BM25 as Lucene 9 computes it: idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)). */
  function bm25(meta, field, df, tf, doc) {
    var docCount = meta.docCount[field];
    var idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    var norm = meta.k1 * (1 - meta.b + meta.b * meta.lengths[field][doc] / meta.avg[field]);
    return idf * tf / (tf + norm);
  }

  /**
   * Searches one language. Resolves with [{doc, id, url, title, guideline, kind, score}],
   * best first.
   */
  function search(query, lang, limit) {
    return analyze(query, lang).then(function (q) {
      var meta = q.meta;
      var fieldTerms = {};
      Object.keys(meta.boosts).forEach(function (field) {
        fieldTerms[field] = field === "bigram" ? q.bigrams : q.terms;
      });
      var shards = {};
      Object.keys(fieldTerms).forEach(function (field) {
        fieldTerms[field].forEach(function (t) { shards[shard(t, meta.shards.postings)] = true; });
      });
      return Promise.all(Object.keys(shards).map(function (n) { return load(lang, "postings-" + n); })).then(function () {
        var scores = {};
        Object.keys(fieldTerms).forEach(function (field) {
          fieldTerms[field].forEach(function (t) {
            var postings = (registry[lang + "/postings-" + shard(t, meta.shards.postings)][field] || {})[t];
            if (!postings) return;
            var df = postings.length / 2;
            for (var p = 0; p < postings.length; p += 2) {
              var doc = postings[p];
              scores[doc] = (scores[doc] || 0) + meta.boosts[field] * bm25(meta, field, df, postings[p + 1], doc);
            }
          });
        });
        var hits = Object.keys(scores).map(function (key) {
          var doc = Number(key);
          var d = meta.docs[doc];
          return { doc: doc, id: d[0], url: d[1], title: d[2], guideline: d[3], kind: d[4], lang: lang, score: scores[key] * d[5] };
        });
        hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var out = limit ? hits.slice(0, limit) : hits;
        out.query = q;
        return out;
      });
    });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /** An HTML-escaped excerpt of a hit's page around the query's words, matches in <mark>. */
  function snippet(hit, surfaces, width) {
    width = width || 120;
    var meta = registry[hit.lang + "/meta"];
    var n = Math.floor(hit.doc / meta.shards.text);
    return load(hit.lang, "text-" + n).then(function (texts) {
      var text = texts[hit.doc % meta.shards.text] || "";
      var folded = normalize(text);
      var aligned = folded.length === text.length;
      var haystack = aligned ? folded : text.toLowerCase();
      var marks = [];
      surfaces.filter(function (s) { return s.length > 0; }).forEach(function (s) {
        for (var at = haystack.indexOf(s); at >= 0; at = haystack.indexOf(s, at + s.length)) {
          marks.push([at, at + s.length]);
        }
      });
      marks.sort(function (a, b) { return a[0] - b[0]; });
      var start = marks.length ? Math.max(0, marks[0][0] - Math.floor(width / 3)) : 0;
      var end = Math.min(text.length, start + width);
      var html = start > 0 ? "…" : "";
      var at = start;
      marks.forEach(function (m) {
        if (m[0] < at || m[1] > end) return;
        html += escapeHtml(text.substring(at, m[0])) + "<mark>" + escapeHtml(text.substring(m[0], m[1])) + "</mark>";
        at = m[1];
      });
      html += escapeHtml(text.substring(at, end)) + (end < text.length ? "…" : "");
      return html.replace(/\n/g, " ");
    });
  }

  global.MedguideSearch = {
    register: register,
    load: load,
    normalize: normalize,
    canonicalize: canonicalize,
    bigrams: bigrams,
    segment: segment,
    shard: shard,
    analyze: analyze,
    search: search,
    snippet: snippet,
    escapeHtml: escapeHtml,
    /** For tests outside a browser: where index files are, and how to run one. */
    setBase: function (b) { base = b; },
    setLoader: function (fn) { loader = fn; }
  };
})(typeof window !== "undefined" ? window : globalThis);
