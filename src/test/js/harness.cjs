// Loads the site's search engine (assets/search/engine.js) into Node, reading index shards from
// a built site folder the way the browser would run them. Used by the tests and the evaluation.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

function loadEngine(siteDir) {
  const context = { console };
  context.globalThis = context;
  vm.createContext(context);
  const engine = path.join(siteDir, "assets", "search", "engine.js");
  vm.runInContext(fs.readFileSync(engine, "utf8"), context, { filename: engine });
  const S = context.MedguideSearch;
  S.setBase(path.join(siteDir, "assets", "search") + path.sep);
  S.setLoader((file) => vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file }));
  return S;
}

function readTsv(file) {
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const header = lines.shift().split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    const row = {};
    header.forEach((name, i) => { row[name] = cells[i] === undefined ? "" : cells[i]; });
    return row;
  });
}

module.exports = { loadEngine, readTsv };
