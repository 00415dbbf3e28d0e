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

  /** Characters that NFKC case folding removes: zero-width space, soft hyphen, joiners, … */
  var IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

  /**
   * The case foldings that differ from lower case (ß → ss, final ς → σ, Greek iota subscripts,
   * Cherokee), keyed by the lower-case character. Generated from ICU by NormalizationTableTest.
   */
  // <folds>
  var FOLDS = {
    "\u00df": "ss", "\u0345": "\u03b9", "\u03c2": "\u03c3",
    "\u13f8": "\u13f0", "\u13f9": "\u13f1", "\u13fa": "\u13f2",
    "\u13fb": "\u13f3", "\u13fc": "\u13f4", "\u13fd": "\u13f5",
    "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e",
    "\u1c83": "\u0441", "\u1c84": "\u0442", "\u1c85": "\u0442",
    "\u1c86": "\u044a", "\u1c87": "\u0463", "\u1c88": "\ua64b",
    "\u1f80": "\u1f00\u03b9", "\u1f81": "\u1f01\u03b9", "\u1f82": "\u1f02\u03b9",
    "\u1f83": "\u1f03\u03b9", "\u1f84": "\u1f04\u03b9", "\u1f85": "\u1f05\u03b9",
    "\u1f86": "\u1f06\u03b9", "\u1f87": "\u1f07\u03b9", "\u1f90": "\u1f20\u03b9",
    "\u1f91": "\u1f21\u03b9", "\u1f92": "\u1f22\u03b9", "\u1f93": "\u1f23\u03b9",
    "\u1f94": "\u1f24\u03b9", "\u1f95": "\u1f25\u03b9", "\u1f96": "\u1f26\u03b9",
    "\u1f97": "\u1f27\u03b9", "\u1fa0": "\u1f60\u03b9", "\u1fa1": "\u1f61\u03b9",
    "\u1fa2": "\u1f62\u03b9", "\u1fa3": "\u1f63\u03b9", "\u1fa4": "\u1f64\u03b9",
    "\u1fa5": "\u1f65\u03b9", "\u1fa6": "\u1f66\u03b9", "\u1fa7": "\u1f67\u03b9",
    "\u1fb2": "\u1f70\u03b9", "\u1fb3": "\u03b1\u03b9", "\u1fb4": "\u03ac\u03b9",
    "\u1fb7": "\u1fb6\u03b9", "\u1fc2": "\u1f74\u03b9", "\u1fc3": "\u03b7\u03b9",
    "\u1fc4": "\u03ae\u03b9", "\u1fc7": "\u1fc6\u03b9", "\u1ff2": "\u1f7c\u03b9",
    "\u1ff3": "\u03c9\u03b9", "\u1ff4": "\u03ce\u03b9", "\u1ff7": "\u1ff6\u03b9",
    "\uab70": "\u13a0", "\uab71": "\u13a1", "\uab72": "\u13a2",
    "\uab73": "\u13a3", "\uab74": "\u13a4", "\uab75": "\u13a5",
    "\uab76": "\u13a6", "\uab77": "\u13a7", "\uab78": "\u13a8",
    "\uab79": "\u13a9", "\uab7a": "\u13aa", "\uab7b": "\u13ab",
    "\uab7c": "\u13ac", "\uab7d": "\u13ad", "\uab7e": "\u13ae",
    "\uab7f": "\u13af", "\uab80": "\u13b0", "\uab81": "\u13b1",
    "\uab82": "\u13b2", "\uab83": "\u13b3", "\uab84": "\u13b4",
    "\uab85": "\u13b5", "\uab86": "\u13b6", "\uab87": "\u13b7",
    "\uab88": "\u13b8", "\uab89": "\u13b9", "\uab8a": "\u13ba",
    "\uab8b": "\u13bb", "\uab8c": "\u13bc", "\uab8d": "\u13bd",
    "\uab8e": "\u13be", "\uab8f": "\u13bf", "\uab90": "\u13c0",
    "\uab91": "\u13c1", "\uab92": "\u13c2", "\uab93": "\u13c3",
    "\uab94": "\u13c4", "\uab95": "\u13c5", "\uab96": "\u13c6",
    "\uab97": "\u13c7", "\uab98": "\u13c8", "\uab99": "\u13c9",
    "\uab9a": "\u13ca", "\uab9b": "\u13cb", "\uab9c": "\u13cc",
    "\uab9d": "\u13cd", "\uab9e": "\u13ce", "\uab9f": "\u13cf",
    "\uaba0": "\u13d0", "\uaba1": "\u13d1", "\uaba2": "\u13d2",
    "\uaba3": "\u13d3", "\uaba4": "\u13d4", "\uaba5": "\u13d5",
    "\uaba6": "\u13d6", "\uaba7": "\u13d7", "\uaba8": "\u13d8",
    "\uaba9": "\u13d9", "\uabaa": "\u13da", "\uabab": "\u13db",
    "\uabac": "\u13dc", "\uabad": "\u13dd", "\uabae": "\u13de",
    "\uabaf": "\u13df", "\uabb0": "\u13e0", "\uabb1": "\u13e1",
    "\uabb2": "\u13e2", "\uabb3": "\u13e3", "\uabb4": "\u13e4",
    "\uabb5": "\u13e5", "\uabb6": "\u13e6", "\uabb7": "\u13e7",
    "\uabb8": "\u13e8", "\uabb9": "\u13e9", "\uabba": "\u13ea",
    "\uabbb": "\u13eb", "\uabbc": "\u13ec", "\uabbd": "\u13ed",
    "\uabbe": "\u13ee", "\uabbf": "\u13ef"
  };
  // </folds>
  var FOLDABLE = new RegExp("[" + Object.keys(FOLDS).map(function (c) {
    return "\\u{" + c.codePointAt(0).toString(16) + "}";
  }).join("") + "]", "gu");

  /** NFKC with case folding, as Lucene's ICU nfkc_cf char filter on the Java side. */
  function normalize(text) {
    return String(text).normalize("NFKC").replace(IGNORABLE, "").toLowerCase()
      .replace(FOLDABLE, function (c) { return FOLDS[c]; }).normalize("NFKC");
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

  /** Greek: Kuromoji makes each letter a word of its own; the bigram field keeps whole words. */
  function isGreek(ch) {
    return /[\u0370-\u03ff\u1f00-\u1fff]/.test(ch);
  }

  function has(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key);
  }

  /**
   * Replaces glossary variants by their term (取り扱い -> 取扱い): at each position the longest
   * spelling the variants know (terms map to themselves), as GlossaryExpansion.canonicalize does.
   * variants is a map, or a function from spelling to term (undefined if none).
   */
  function canonicalize(text, variants) {
    var map = variants || {};
    var get = typeof map === "function" ? map : function (s) { return has(map, s) ? map[s] : undefined; };
    var out = "";
    var i = 0;
    while (i < text.length) {
      var match = null;
      for (var end = Math.min(text.length, i + 32); end > i; end--) {
        if (get(text.substring(i, end)) !== undefined) {
          match = text.substring(i, end);
          break;
        }
      }
      if (match === null) {
        out += text[i];
        i++;
      } else {
        out += get(match);
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
    var tokens = text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30fc]+|[0-9a-z\u00c0-\u024f]+|[\u0370-\u03ff\u1f00-\u1fff]+/g) || [];
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


  /** FNV-1a over UTF-16 code units from an offset basis, as a signed 32-bit number. */
  function fnv(text, basis) {
    var hash = basis;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash;
  }

  /** MurmurHash3's finaliser. */
  function mix(hash) {
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    return hash;
  }

  var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /**
   * Whether a spelling may be in the exporter's SpellingFilter (a Bloom filter): never wrong when
   * it says no, about once in 250,000 lookups wrong when it says yes.
   */
  function inFilter(filter, spelling) {
    if (!filter.values) {
      filter.values = new Uint8Array(filter.bits.length);
      for (var c = 0; c < filter.bits.length; c++) filter.values[c] = BASE64.indexOf(filter.bits[c]);
    }
    var first = fnv(spelling, 0x811c9dc5);
    var second = mix(fnv(spelling, 0x9747b28c)) | 1;
    for (var probe = 0; probe < filter.probes; probe++) {
      var bit = ((first + Math.imul(probe, second)) >>> 0) % filter.size;
      if (!(filter.values[Math.floor(bit / 6)] & (1 << (bit % 6)))) return false;
    }
    return true;
  }

  /**
   * What the lexicon (in meta) holds for a spelling: its index terms, or undefined. Most spellings
   * are their own term and are only in the filter.
   */
  function lexicon(meta, spelling) {
    var value;
    if (spelling.length === 1) {
      value = has(meta.one, spelling) ? meta.one[spelling] : undefined;
    } else if (has(meta.words, spelling)) {
      value = meta.words[spelling];
    } else if (inFilter(meta.filter, spelling)) {
      value = 1;
    }
    return value === 1 ? [spelling] : value;
  }

  /** Loads the expansion shards of some keys (the whole query and its words). */
  function loadExpansions(keys, lang, meta) {
    return Promise.all(keys.map(function (key) { return load(lang, "expand-" + shard(key, meta.shards.expand)); }));
  }

  /** The glossary expansion of a key: index terms, or an empty list. */
  function expansion(lang, meta, key) {
    var data = registry[lang + "/expand-" + shard(key, meta.shards.expand)];
    return data && has(data, key) ? data[key] : [];
  }

  /** Whether a word ends between two characters: Kuromoji (Japanese) splits letters from digits. */
  function wordBreak(a, b, splitDigits) {
    return !isWordChar(a) || !isWordChar(b) || (splitDigits && /[0-9]/.test(a) !== /[0-9]/.test(b));
  }

  /**
   * Splits a normalised query into index terms: at each position the longest spelling the
   * lexicon knows; unknown Latin words are kept whole (in Japanese, split where letters and
   * digits meet, as Kuromoji splits WPA2 or C13); unknown Japanese only feeds bigrams.
   * Returns {terms, surfaces}.
   */
  function segment(text, lookup, splitDigits) {
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
        var wordEnd = end === text.length || wordBreak(text[end - 1], text[end], splitDigits);
        if (hit && wordEnd) {
          found = { end: end, terms: hit, surface: candidate };
          break;
        }
      }
      if (found) {
        found.terms.forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
        surfaces.push(found.surface);
        i = found.end;
      } else if (isGreek(ch)) {
        if (terms.indexOf(ch) < 0) terms.push(ch);
        surfaces.push(ch);
        i++;
      } else if (isWordChar(ch)) {
        var j = i + 1;
        while (j < text.length && !wordBreak(text[j - 1], text[j], splitDigits)) j++;
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
      var raw = normalize(query).replace(/[\u0000-\u001f]/g, " ").trim().substring(0, 200);
      var text = lang === "ja" ? canonicalize(raw, meta.variants) : raw;
      var whole = text.trim();
      return loadExpansions([whole].concat(whole.split(/\s+/)), lang, meta).then(function () {
        var lookup = function (surface) { return lexicon(meta, surface); };
        var expansions = function (key) { return expansion(lang, meta, key); };
        var seg = segment(text, lookup, lang === "ja");
        var words = seg.terms.slice();
        var extra = whole ? expansions(whole).slice() : [];
        whole.split(/\s+/).forEach(function (part) {
          if (part && part !== whole) expansions(part).forEach(function (t) { if (extra.indexOf(t) < 0) extra.push(t); });
        });
        extra.forEach(function (t) { if (seg.terms.indexOf(t) < 0) seg.terms.push(t); });
        var unique = function (g, k, all) { return all.indexOf(g) === k; };
        var grams = lang === "ja" ? bigrams(fold(text, meta.variants)).filter(unique) : [];
        // What a result must contain one of (as QueryMatch on the Java side): each part's words,
        // all of them, and in Japanese a part of several words as a phrase in the text; or the
        // glossary's terms for the whole query or a part.
        var forms = [];
        function addForm(terms, phrase) {
          var key = terms.join("\u0000") + "\u0001" + phrase;
          if (terms.length && !forms.some(function (f) { return f.key === key; })) {
            var own = phrase === null ? [] : bigrams(phrase).filter(unique);
            forms.push({ terms: terms, phrase: phrase, grams: own, key: key });
          }
        }
        whole.split(/\s+/).forEach(function (part) {
          if (!part) return;
          var terms = segment(part, lookup, lang === "ja").terms;
          addForm(terms, lang === "ja" && terms.length > 1 ? fold(part, meta.variants) : null);
        });
        if (whole) addForm(expansions(whole), null);
        whole.split(/\s+/).forEach(function (part) {
          if (part && part !== whole) addForm(expansions(part), null);
        });
        return { meta: meta, words: words, terms: seg.terms, bigrams: grams, forms: forms, surfaces: seg.surfaces, text: text, raw: raw };
      });
    });
  }

  /**
   * The form a phrase is looked for in, in the query and in a page's text alike, and the text of
   * the bigram fields: canonical spellings, no space between Japanese characters and no katakana
   * long vowel (as GlossaryExpansion.fold).
   */
  function fold(text, variants) {
    return canonicalize(normalize(text), variants)
      .replace(/(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[ \t\u3000]+(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g, "")
      .replace(/(?<=[\u30a1-\u30fc])\u30fc(?![\u30a1-\u30fc])/g, "");
  }

  /** A field length from its one-byte norm, as Lucene's SmallFloat.byte4ToInt decodes it. */
  function normLength(norm) {
    if (norm < 24) return norm;
    var i = norm - 24;
    var shift = (i >>> 3) - 1;
    return 24 + (shift < 0 ? (i & 7) : ((i & 7) | 8) * Math.pow(2, shift));
  }

  /** Digits of the exporter's PostingCodec: 0-31 end a number, 32-63 are followed by more. */
  var DIGITS = (function () {
    var last = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    var more = "WXYZabcdefghijklmnopqrstuvwxyz-_";
    var table = {};
    for (var k = 0; k < 32; k++) {
      table[last.charCodeAt(k)] = k;
      table[more.charCodeAt(k)] = 32 + k;
    }
    return table;
  })();

  /** The numbers of a PostingCodec string. */
  function decode(text) {
    var out = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS[text.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
      } else {
        out.push(value * 32 + digit);
        value = 0;
      }
    }
    return out;
  }

  /**
   * A term's postings in a field: {df, list: [doc, tf, length, ...]}, df counting every document
   * with the term though a very common term's list keeps only those it weighs most in; decoded
   * once, when first used.
   */
  function postingsOf(lang, meta, field, term) {
    var data = registry[lang + "/postings-" + shard(term, meta.shards.postings)];
    var byField = data && data[field];
    if (!byField || !has(byField, term)) return null;
    var value = byField[term];
    if (typeof value === "string") {
      var numbers = decode(value);
      var list = [];
      var doc = 0;
      for (var p = 1; p + 2 < numbers.length; p += 3) {
        doc += numbers[p];
        list.push(doc, numbers[p + 1], normLength(numbers[p + 2]));
      }
      value = byField[term] = { df: numbers[0], list: list };
    }
    return value;
  }

  /** BM25 as Lucene 9 computes it: idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)). */
  function bm25(meta, field, df, tf, length) {
    var docCount = meta.docCount[field];
    var idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    var norm = meta.k1 * (1 - meta.b + meta.b * length / meta.avg[field]);
    return idf * tf / (tf + norm);
  }

  /** The class of a document: [guideline, kind, prior]. */
  function docClass(meta, doc) {
    return meta.classes[meta.cls.charCodeAt(doc) - (meta.cls.charCodeAt(doc) >= 97 ? 97 : 39)];
  }

  /**
   * Fills in id, url and title of some hits (of any languages) from the docs shards; resolves with
   * the hits. Search results carry them only for the first `limit` hits.
   */
  function describe(hits) {
    return Promise.all(hits.map(function (hit) {
      var meta = registry[hit.lang + "/meta"];
      var per = meta.shards.docs;
      return load(hit.lang, "docs-" + Math.floor(hit.doc / per)).then(function (rows) {
        var row = rows[hit.doc % per];
        hit.id = row[0];
        hit.url = row[1];
        hit.title = row[2];
      });
    })).then(function () { return hits; });
  }

  /**
   * Searches one language. Resolves with [{doc, guideline, kind, lang, score}], best first; with
   * a limit, the first `limit` hits, which also have id, url and title (see describe).
   */
  function search(query, lang, limit) {
    return analyze(query, lang).then(function (q) {
      var meta = q.meta;
      var fieldTerms = {};
      Object.keys(meta.boosts).forEach(function (field) {
        fieldTerms[field] = field === "bigram" || field === "item_bigram" ? q.bigrams : q.terms;
      });
      var shards = {};
      Object.keys(fieldTerms).forEach(function (field) {
        fieldTerms[field].forEach(function (t) { shards[shard(t, meta.shards.postings)] = true; });
      });
      return Promise.all(Object.keys(shards).map(function (n) { return load(lang, "postings-" + n); })).then(function () {
        var scores = {};
        var partial = false;
        // The query words each document has in a field of its own text (meta.match), and the
        // words whose lists are cut (a document not in the list may still have them).
        var present = {};
        var presentGram = {};
        var cut = {};
        Object.keys(fieldTerms).forEach(function (field) {
          var matching = (meta.match || []).indexOf(field) >= 0 || field === "bigram" || field === "item_bigram";
          fieldTerms[field].forEach(function (t) {
            var found = postingsOf(lang, meta, field, t);
            if (!found) return;
            var df = found.df;
            var postings = found.list;
            partial = partial || df > postings.length / 3;
            if (matching && df > postings.length / 3) cut[t] = true;
            var into = field === "bigram" || field === "item_bigram" ? presentGram : present;
            for (var p = 0; p < postings.length; p += 3) {
              var doc = postings[p];
              scores[doc] = (scores[doc] || 0) + meta.boosts[field] * bm25(meta, field, df, postings[p + 1], postings[p + 2]);
              if (matching) (into[doc] = into[doc] || {})[t] = true;
            }
          });
        });
        // A query that is an item's id (mhlw-6.5-C13) puts that item first, as in Lucene.
        var item = meta.items && has(meta.items, q.raw) ? meta.items[q.raw] : -1;
        if (item >= 0) {
          scores[item] = (scores[item] || 0) + meta.itemBoost / docClass(meta, item)[2];
        }
        // Which documents match: by a form without a phrase (or as the item cited), or by the
        // words of a phrase form, then to be checked for the phrase in their text.
        function all(doc, wanted, where) {
          return wanted.length > 0 && wanted.every(function (t) { return cut[t] || (where[doc] && where[doc][t]); });
        }
        // A phrase's candidates have all its bigrams, or all its words (as QueryMatch).
        function hasForm(doc, form) {
          return all(doc, form.terms, present) || (form.phrase !== null && all(doc, form.grams, presentGram));
        }
        var direct = q.forms.filter(function (f) { return f.phrase === null; });
        var phrased = q.forms.filter(function (f) { return f.phrase !== null; });
        var found = Object.keys(scores).map(Number).map(function (doc) {
          var c = docClass(meta, doc);
          var how = doc === item || direct.some(function (f) { return hasForm(doc, f); }) ? "direct"
            : phrased.some(function (f) { return hasForm(doc, f); }) ? "phrase" : "none";
          return { doc: doc, guideline: c[0], kind: c[1], lang: lang, score: scores[doc] * c[2], how: how };
        });
        found.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var phrases = phrased.map(function (f) { return f.phrase; });
        return accept(found.filter(function (h) { return h.how !== "none"; }), limit, function (hit) {
          return hit.how === "direct" ? Promise.resolve(true) : containsPhrase(lang, meta, hit.doc, phrases);
        }).then(function (real) {
          // Only when no document has the words do bigrams alone find something (approximate).
          var approximate = real.length === 0 && found.length > 0;
          var hits = approximate ? found : real;
          var out = limit ? hits.slice(0, limit) : hits;
          out.query = q;
          out.approximate = approximate;
          // Some of a very common term's documents are not in the static index, or more phrase
          // candidates than are checked: more may match.
          out.partial = partial || real.cut;
          return limit ? describe(out) : out;
        });
      });
    });
  }

  /** The most documents whose text is searched for a phrase, per query (as Lucene). */
  var PHRASE_CANDIDATES = 1000;

  /**
   * The hits (best first) that pass an asynchronous test, at most limit (0: all), tested in
   * batches in order so that a limited search stops early. The result's cut says whether
   * candidates were left untested.
   */
  function accept(hits, limit, test) {
    var out = [];
    var tested = 0;
    function next(from) {
      if ((limit && out.length >= limit) || from >= hits.length || tested >= PHRASE_CANDIDATES) {
        out = limit ? out.slice(0, limit) : out;
        out.cut = from < hits.length && !(limit && out.length >= limit);
        return Promise.resolve(out);
      }
      var batch = hits.slice(from, from + 16);
      return Promise.all(batch.map(function (hit) {
        if (hit.how !== "direct") tested++;
        return test(hit);
      })).then(function (ok) {
        batch.forEach(function (hit, k) { if (ok[k]) out.push(hit); });
        return next(from + batch.length);
      });
    }
    return next(0);
  }

  /** Whether a document's title, headings, keywords and text contain one of some (folded) phrases. */
  function containsPhrase(lang, meta, doc, phrases) {
    var per = meta.shards.docs;
    return Promise.all([load(lang, "docs-" + Math.floor(doc / per)), load(lang, "text-" + doc + "-0")]).then(function (first) {
      var row = first[0][doc % per];
      var rest = [];
      for (var n = 1; n < first[1].n; n++) rest.push(load(lang, "text-" + doc + "-" + n));
      return Promise.all(rest).then(function (chunks) {
        var text = row[2] + "\n" + (row[3] || "") + "\n" + (row[4] || "") + "\n" + first[1].t + chunks.map(function (c) { return c.t; }).join("");
        var folded = fold(text, meta.variants);
        return phrases.some(function (p) { return folded.indexOf(p) >= 0; });
      });
    });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /** Where the surfaces occur in a text: [[start, end]], in order. */
  function marksIn(text, surfaces) {
    var folded = normalize(text);
    var haystack = folded.length === text.length ? folded : text.toLowerCase();
    var marks = [];
    surfaces.forEach(function (s) {
      for (var at = haystack.indexOf(s); at >= 0; at = haystack.indexOf(s, at + s.length)) {
        marks.push([at, at + s.length]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    return marks;
  }

  function excerpt(text, marks, width, before) {
    var start = marks.length ? Math.max(0, marks[0][0] - Math.floor(width / 3)) : 0;
    var end = Math.min(text.length, start + width);
    var html = start > 0 || before ? "…" : "";
    var at = start;
    marks.forEach(function (m) {
      if (m[0] < at || m[1] > end) return;
      html += escapeHtml(text.substring(at, m[0])) + "<mark>" + escapeHtml(text.substring(m[0], m[1])) + "</mark>";
      at = m[1];
    });
    html += escapeHtml(text.substring(at, end)) + (end < text.length ? "…" : "");
    return html.replace(/\n/g, " ");
  }

  /**
   * An HTML-escaped excerpt of a hit's page around the query's words, matches in <mark>. A page's
   * text comes in chunks (text-{doc}-{n}.js, each knowing how many there are); the first
   * MAX_CHUNKS are searched for the words, in order, and the page's start is the fallback.
   */
  var MAX_CHUNKS = 5;

  function snippet(hit, surfaces, width) {
    width = width || 120;
    var wanted = surfaces.filter(function (s) { return s.length > 0; });
    function chunk(n) {
      return load(hit.lang, "text-" + hit.doc + "-" + n);
    }
    function from(n) {
      return chunk(n).then(function (data) {
        var marks = marksIn(data.t, wanted);
        if (marks.length) {
          return excerpt(data.t, marks, width, n > 0);
        }
        if (n + 1 < Math.min(data.n, MAX_CHUNKS)) {
          return from(n + 1);
        }
        return chunk(0).then(function (first) { return excerpt(first.t, [], width, false); });
      });
    }
    return from(0);
  }

  global.MedguideSearch = {
    register: register,
    load: load,
    normalize: normalize,
    canonicalize: canonicalize,
    fold: fold,
    bigrams: bigrams,
    segment: segment,
    shard: shard,
    decode: decode,
    normLength: normLength,
    inFilter: inFilter,
    analyze: analyze,
    search: search,
    describe: describe,
    snippet: snippet,
    escapeHtml: escapeHtml,
    /** For tests outside a browser: where index files are, and how to run one. */
    setBase: function (b) { base = b; },
    setLoader: function (fn) { loader = fn; }
  };
})(typeof window !== "undefined" ? window : globalThis);
