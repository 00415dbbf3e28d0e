/*
 * medguide checklist pages ({lang}/checklist/{guideline}.html): keeps each item's status, dates
 * and note in localStorage (keyed by the site's location and the guideline, so records survive
 * rebuilds and are shared by the language versions), filters, counts progress, exports the
 * records as CSV (UTF-8 with BOM, for Excel) and imports that CSV back. Classic script: works from
 * file:// with the strict Content-Security-Policy. Nothing is sent anywhere.
 */
(function () {
  "use strict";
  var list = document.getElementById("checklist");
  if (!list) {
    return;
  }
  var text = JSON.parse(list.getAttribute("data-text") || "{}");
  var guideline = list.getAttribute("data-guideline");
  var root = document.body.getAttribute("data-root") || "./";
  var key = "medguide-checklist:" + new URL(root, location.href).href + ":" + guideline;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.checklist-item"));
  var byId = {};
  rows.forEach(function (row) { byId[row.getAttribute("data-id")] = row; });
  var statusBox = document.getElementById("checklist-status");
  var FIELDS = ["status", "checked", "target", "note"];
  var COLUMNS = ["id", "section", "level", "number", "text", "status", "status_label", "checked", "target", "note"];
  var storageWorks = true;

  function format(message) {
    var args = Array.prototype.slice.call(arguments, 1);
    return message.replace(/\{(\d+)\}/g, function (all, n) { return String(args[n]); });
  }

  function say(message) {
    statusBox.textContent = message;
  }

  function load() {
    try {
      var raw = localStorage.getItem(key);
      var state = raw ? JSON.parse(raw) : null;
      return state && state.items ? state : { version: 1, items: {} };
    } catch (e) {
      storageWorks = false;
      return { version: 1, items: {} };
    }
  }

  var state = load();

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify(state));
      return true;
    } catch (e) {
      storageWorks = false;
      say(text.noStorage);
      return false;
    }
  }

  function field(row, name) {
    return row.querySelector("[name=" + name + "]");
  }

  function rowText(row) {
    var t = row.querySelector(".checklist-text");
    return t ? t.textContent.trim() : "";
  }

  /** The record of a row as the form shows it, with what identifies the item's version. */
  function record(row) {
    var item = {};
    FIELDS.forEach(function (name) { item[name] = field(row, name).value; });
    item.fingerprint = row.getAttribute("data-fingerprint");
    item.number = row.getAttribute("data-number");
    item.section = row.getAttribute("data-section");
    item.text = rowText(row);
    return item;
  }

  function isEmpty(item) {
    return FIELDS.every(function (name) { return !item[name]; });
  }

  function show(row, item) {
    FIELDS.forEach(function (name) { field(row, name).value = item ? item[name] || "" : ""; });
    var changed = row.querySelector(".checklist-changed");
    changed.hidden = !(item && item.fingerprint && item.fingerprint !== row.getAttribute("data-fingerprint"));
  }

  /** Takes a row's record into the state (an empty one is removed): it is now up to date. */
  function keep(row) {
    var id = row.getAttribute("data-id");
    var item = record(row);
    if (isEmpty(item)) {
      delete state.items[id];
    } else {
      state.items[id] = item;
    }
    row.querySelector(".checklist-changed").hidden = true;
  }

  function store(row) {
    keep(row);
    if (save()) {
      say(text.saved);
    }
    progress();
    filter();
  }

  /** Done: implemented or not applicable (a guideline's items), はい (the cybersecurity checklist). */
  function finished(row) {
    var status = field(row, "status").value;
    return status === "done" || status === "na" || status === "yes";
  }

  function setProgress(name, done, total) {
    var bar = document.getElementById("progress-" + name);
    var label = document.querySelector("[data-progress-for='" + name + "']");
    if (bar) {
      bar.value = done;
    }
    if (label) {
      label.textContent = format(text.progress, done, total);
    }
  }

  function progress() {
    var all = 0;
    Array.prototype.forEach.call(document.querySelectorAll(".checklist-section"), function (section) {
      var items = section.querySelectorAll("tr.checklist-item");
      var done = Array.prototype.filter.call(items, finished).length;
      all += done;
      setProgress(section.getAttribute("data-section"), done, items.length);
    });
    setProgress("all", all, rows.length);
  }

  function filter() {
    var section = document.getElementById("filter-section").value;
    var levels = Array.prototype.filter
      .call(document.querySelectorAll("input[name=level]"), function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    var wanted = document.getElementById("filter-status").value;
    Array.prototype.forEach.call(document.querySelectorAll(".checklist-section"), function (s) {
      var visible = 0;
      Array.prototype.forEach.call(s.querySelectorAll("tr.checklist-item"), function (row) {
        var status = field(row, "status").value;
        var statusOk = !wanted || (wanted === "open" ? !finished(row) : status === wanted);
        var shown = (!section || s.getAttribute("data-section") === section)
          && levels.indexOf(row.getAttribute("data-level")) >= 0 && statusOk;
        row.hidden = !shown;
        visible += shown ? 1 : 0;
      });
      s.hidden = visible === 0;
    });
  }

  /** Records whose item is no longer on the page: listed, never dropped. */
  function removed() {
    var box = document.getElementById("checklist-removed");
    var ul = box.querySelector("ul");
    ul.textContent = "";
    Object.keys(state.items).forEach(function (id) {
      if (byId[id]) {
        return;
      }
      var item = state.items[id];
      var li = document.createElement("li");
      var label = statusLabel(item.status);
      li.textContent = [id, item.number, label, item.checked, item.note, item.text]
        .filter(function (part) { return part; }).join(" — ");
      ul.appendChild(li);
    });
    box.hidden = ul.children.length === 0;
  }

  function statusLabel(code) {
    var option = rows.length ? field(rows[0], "status").querySelector("option[value='" + code + "']") : null;
    return code && option ? option.textContent : code || "";
  }

  function csvCell(value) {
    var s = value == null ? "" : String(value);
    return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function exportCsv() {
    var lines = [COLUMNS.join(",")];
    rows.forEach(function (row) {
      var item = record(row);
      var levelBadge = row.querySelector(".req-level");
      var values = {
        id: row.getAttribute("data-id"),
        section: item.section,
        level: levelBadge ? levelBadge.textContent.trim() : row.getAttribute("data-level"),
        number: item.number,
        text: item.text,
        status: item.status,
        status_label: statusLabel(item.status),
        checked: item.checked,
        target: item.target,
        note: item.note
      };
      lines.push(COLUMNS.map(function (c) { return csvCell(values[c]); }).join(","));
    });
    var blob = new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "checklist-" + guideline + "-" + (document.documentElement.lang || "ja") + "-"
      + new Date().toISOString().slice(0, 10) + ".csv";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
  function parseCsv(source) {
    var records = [];
    var recordCells = [];
    var cell = "";
    var quoted = false;
    for (var i = 0; i < source.length; i++) {
      var c = source.charAt(i);
      if (quoted) {
        if (c === "\"" && source.charAt(i + 1) === "\"") {
          cell += "\"";
          i++;
        } else if (c === "\"") {
          quoted = false;
        } else {
          cell += c;
        }
      } else if (c === "\"") {
        quoted = true;
      } else if (c === ",") {
        recordCells.push(cell);
        cell = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && source.charAt(i + 1) === "\n") {
          i++;
        }
        recordCells.push(cell);
        records.push(recordCells);
        recordCells = [];
        cell = "";
      } else {
        cell += c;
      }
    }
    if (cell !== "" || recordCells.length) {
      recordCells.push(cell);
      records.push(recordCells);
    }
    return records;
  }

  function statusCode(value) {
    var v = (value || "").trim();
    var options = rows.length ? field(rows[0], "status").options : [];
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === v || options[i].textContent.trim() === v) {
        return options[i].value;
      }
    }
    return v ? null : "";
  }

  function importCsv(source) {
    var records = parseCsv(source.replace(/^\uFEFF/, ""));
    var header = records.shift() || [];
    var at = {};
    header.forEach(function (name, i) { at[name.trim()] = i; });
    if (at.id === undefined || at.status === undefined) {
      throw new Error("id, status");
    }
    var applied = 0;
    var unknown = 0;
    records.forEach(function (cells) {
      var id = (cells[at.id] || "").trim();
      if (!id) {
        return;
      }
      var row = byId[id];
      if (!row) {
        unknown++;
        return;
      }
      var status = statusCode(cells[at.status]);
      if (status === null) {
        throw new Error(id + ": " + cells[at.status]);
      }
      field(row, "status").value = status;
      ["checked", "target", "note"].forEach(function (name) {
        if (at[name] !== undefined) {
          field(row, name).value = cells[at[name]] || "";
        }
      });
      keep(row);
      applied++;
    });
    save();
    progress();
    filter();
    say(format(text.imported, applied, unknown));
  }

  rows.forEach(function (row) {
    show(row, state.items[row.getAttribute("data-id")]);
    FIELDS.forEach(function (name) {
      field(row, name).addEventListener("change", function () { store(row); });
    });
  });
  document.getElementById("checklist-filters").addEventListener("change", filter);
  document.getElementById("checklist-filters").addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("checklist-export").addEventListener("click", exportCsv);
  document.getElementById("checklist-print").addEventListener("click", function () { window.print(); });
  document.getElementById("checklist-clear").addEventListener("click", function () {
    if (window.confirm(text.confirmClear)) {
      rows.forEach(function (row) { delete state.items[row.getAttribute("data-id")]; show(row, null); });
      save();
      progress();
      filter();
      removed();
      say(text.cleared);
    }
  });
  document.getElementById("checklist-import").addEventListener("change", function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      try {
        importCsv(String(reader.result));
      } catch (e) {
        say(format(text.importFailed, e.message));
      }
      event.target.value = "";
    };
    reader.onerror = function () { say(format(text.importFailed, file.name)); };
    reader.readAsText(file, "utf-8");
  });
  list.classList.add("checklist-ready");
  if (!storageWorks) {
    say(text.noStorage);
  }
  progress();
  filter();
  removed();
})();
