// Runs every query of the judged set through the static search of a built site and prints one
// JSON array: for each query, the ids of its first 10 results (or as many as the third argument
// says; 0 for all). Used by RelevanceIT.
"use strict";
const { loadEngine, readTsv } = require("./harness.cjs");

async function main() {
  const [site, queries, limit] = process.argv.slice(2);
  const S = loadEngine(site);
  const rows = readTsv(queries);
  const out = [];
  for (const row of rows) {
    const hits = await S.search(row.query, row.lang, limit === undefined ? 10 : Number(limit));
    if (!hits.length || hits[0].id === undefined) await S.describe(hits);
    out.push(hits.map((h) => h.id));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
