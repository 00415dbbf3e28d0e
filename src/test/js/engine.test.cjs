// Node tests of the static search engine against the Java analysis (golden vectors) and a built
// site. Run by StaticSearchIT: MEDGUIDE_SITE is the built site, MEDGUIDE_ROOT the project.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { loadEngine, readTsv } = require("./harness.cjs");

const site = process.env.MEDGUIDE_SITE;
const root = process.env.MEDGUIDE_ROOT;
const S = loadEngine(site);
// Values made inside the engine's VM context have that context's Array prototype.
const plain = (value) => JSON.parse(JSON.stringify(value));
const golden = readTsv(path.join(root, "src/test/resources/search/analysis.tsv"));

test("golden vectors: normalisation and variant mapping match Java", async () => {
  const variants = plain((await S.load("ja", "meta")).variants);
  assert.ok(Object.keys(variants).length > 0);
  for (const row of golden) {
    assert.strictEqual(S.canonicalize(S.normalize(row.input), variants), row.normalized, row.input);
  }
});

test("golden vectors: phrases are folded as GlossaryExpansion.fold folds them", async () => {
  const variants = plain((await S.load("ja", "meta")).variants);
  for (const row of golden) {
    assert.strictEqual(S.fold(row.input, variants), row.folded, row.input);
  }
});

test("golden vectors: CJK bigrams match Lucene's CJKBigramFilter", () => {
  for (const row of golden) {
    assert.deepStrictEqual(plain(S.bigrams(row.normalized)), row.bigrams ? row.bigrams.split(" ") : [], row.input);
  }
});

test("golden vectors: query segmentation finds the same word terms as Kuromoji", async () => {
  for (const row of golden) {
    const q = await S.analyze(row.input, "ja");
    assert.deepStrictEqual(plain(q.words), row.words.split(" "), row.input);
  }
});

test("golden vectors: the shard function matches the exporter's (FNV-1a)", () => {
  const shards = new Set();
  for (const row of golden) {
    assert.strictEqual(S.shard(row.normalized, 64), Number(row.shard), row.input);
    shards.add(row.shard);
  }
  assert.ok(shards.size > 10, "rows spread over shards: " + shards.size);
});

test("normalisation is NFKC case folding, as ICU's nfkc_cf on the Java side", () => {
  const cases = [
    ["Straße", "strasse", "ß folds to ss, where lower case keeps ß"],
    ["STRASSE", "strasse", "so both spellings meet"],
    ["外部\u200b保存", "外部保存", "a zero-width space is ignorable: removed, the word stays whole"],
    ["文書\u00adの", "文書の", "a soft hyphen is ignorable too"],
    ["ΟΔΟΣ", "οδοσ", "final sigma folds to σ, where lower case gives ς at a word's end"],
    ["ᾳ", "αι", "an iota subscript folds to a full ι"],
    ["ＰＨＲ", "phr", "full-width Latin is NFKC-compatible with ASCII"],
    ["ｻｰﾊﾞｰ", "サーバー", "half-width katakana become full width, the voicing mark composed"],
    ["ﬁ", "fi", "a ligature is split"],
  ];
  for (const [input, expected, gloss] of cases) {
    assert.strictEqual(S.normalize(input), expected, gloss);
  }
});

test("spelling variants find the same first result", async () => {
  const pairs = [["取扱い", "取り扱い"], ["サーバ", "サーバー"], ["PHR", "ＰＨＲ"], ["事業継続計画", "業務継続計画"]];
  for (const [a, b] of pairs) {
    const [x, y] = await Promise.all([S.search(a, "ja", 1), S.search(b, "ja", 1)]);
    assert.ok(x.length > 0, a);
    assert.strictEqual(x[0].id, y[0].id, a + " / " + b);
  }
});

test("an English query finds Japanese pages through the glossary", async () => {
  const hits = await S.search("spoofing", "ja", 5);
  const ids = hits.map((h) => h.id);
  assert.ok(ids.includes("mhlw-6.5") && ids.includes("mic-3.2.3"), ids.join(" "));
});

test("bad queries find nothing and never throw", async () => {
  for (const q of ["", "   ", "！？。、", "\u0000\u0007", "\"unbalanced", "x".repeat(10000)]) {
    const hits = await S.search(q, "ja", 10);
    assert.ok(Array.isArray(hits), JSON.stringify(q));
  }
});

test("hits beyond the limit are described on demand", async () => {
  const all = await S.search("アクセス", "ja", 0);
  assert.ok(all.length > 5, String(all.length));
  assert.strictEqual(all[0].url, undefined);
  const shown = await S.describe(all.slice(0, 3));
  const top = await S.search("アクセス", "ja", 3);
  assert.deepStrictEqual(plain(shown.map((h) => h.id)), plain(top.map((h) => h.id)));
  // A requirement result links to its anchor in its page.
  assert.ok(shown.every((h) => /\.html(#[\w.-]+)?$/.test(h.url) && h.title), JSON.stringify(plain(shown)));
});

test("snippets are escaped and mark the query's words", async () => {
  const hits = await S.search("外部保存", "ja", 1);
  const html = await S.snippet(hits[0], hits.query.surfaces);
  assert.match(html, /<mark>外部保存<\/mark>/);
  assert.strictEqual(S.escapeHtml("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
});

test("posting lists and norms decode as the exporter wrote them", () => {
  // PostingCodecTest writes these strings; SmallFloat.byte4ToInt gives these lengths.
  assert.deepStrictEqual(plain(S.decode("01VX0_VXW0")), [0, 1, 31, 32, 1023, 1024]);
  const lengths = [[0, 0], [1, 1], [23, 23], [24, 24], [25, 25], [31, 31], [32, 32], [40, 40], [47, 54],
    [48, 56], [63, 144], [64, 152], [100, 3096], [128, 32792], [200, 16777240], [255, 2013265944]];
  for (const [norm, length] of lengths) {
    assert.strictEqual(S.normLength(norm), length, String(norm));
  }
});

test("a site this small keeps every posting: nothing is partial", async () => {
  const hits = await S.search("医療情報", "ja", 0);
  assert.ok(hits.length > 10, String(hits.length));
  assert.strictEqual(hits.partial, false);
});

test("the lexicon's filter knows the pages' words and hardly anything else", async () => {
  const meta = await S.load("ja", "meta");
  for (const word of ["外部保存", "安全", "管理"]) {
    assert.ok(S.inFilter(meta.filter, word), word);
  }
  let yes = 0;
  for (let i = 0; i < 20000; i++) {
    if (S.inFilter(meta.filter, "☃" + i.toString(36))) yes++;
  }
  assert.ok(yes <= 1, String(yes));
});
