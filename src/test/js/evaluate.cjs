// Runs every query of the judged set through the static search of a built site and prints one
// JSON object: query index -> the ids of the first 10 results. Used by RelevanceIT.
"use strict";
const { loadEngine, readTsv } = require("./harness.cjs");

async function main() {
  const [site, queries] = process.argv.slice(2);
  const S = loadEngine(site);
  const rows = readTsv(queries);
  const out = [];
  for (const row of rows) {
    const hits = await S.search(row.query, row.lang, 10);
    out.push(hits.map((h) => h.id));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
