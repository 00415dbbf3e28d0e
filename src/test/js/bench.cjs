// Static search figures on a built site, in Node (V8, as in Chromium): bytes a first query loads
// (fresh engine per query), and per-query latency once the shards it needs are loaded.
// Usage: node src/test/js/bench.cjs <site> <queries.tsv> [--json]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { readTsv } = require("./harness.cjs");

function engine(site, loaded) {
  const context = { console };
  context.globalThis = context;
  vm.createContext(context);
  const file = path.join(site, "assets", "search", "engine.js");
  vm.runInContext(fs.readFileSync(file, "utf8"), context);
  const S = context.MedguideSearch;
  S.setBase(path.join(site, "assets", "search") + path.sep);
  S.setLoader((f) => {
    const text = fs.readFileSync(f, "utf8");
    loaded.push(Buffer.byteLength(text));
    vm.runInContext(text, context);
  });
  return S;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function main() {
  const [site, queries] = process.argv.slice(2);
  const rows = readTsv(queries);
  const firstBytes = [];
  for (const row of rows) {
    const loaded = [];
    const S = engine(site, loaded);
    const hits = await S.search(row.query, row.lang, 10);
    await Promise.all(hits.map((h) => S.snippet(h, hits.query.surfaces)));
    firstBytes.push(loaded.reduce((a, b) => a + b, 0));
  }
  const S = engine(site, []);
  for (const row of rows) await S.search(row.query, row.lang, 10);
  const times = [];
  for (let round = 0; round < 20; round++) {
    for (const row of rows) {
      const start = process.hrtime.bigint();
      await S.search(row.query, row.lang, 10);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  firstBytes.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const kb = (b) => (b / 1024).toFixed(1) + " KiB";
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({
      queries: rows.length,
      firstBytesMedian: percentile(firstBytes, 0.5),
      firstBytesP95: percentile(firstBytes, 0.95),
      firstBytesMax: firstBytes[firstBytes.length - 1],
      warmP50: percentile(times, 0.5),
      warmP95: percentile(times, 0.95),
    }));
    return;
  }
  console.log(`queries ${rows.length}`);
  console.log(`first query loads (with snippets): median ${kb(percentile(firstBytes, 0.5))}, max ${kb(firstBytes[firstBytes.length - 1])}`);
  console.log(`warm query latency: p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms`);
}

main().catch((e) => { console.error(e); process.exit(1); });
