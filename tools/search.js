/* Full-text search for the static book. No library, no network: the index is window.BOOK_SEARCH_INDEX,
   set by search-index.js (written by tools/export.py), which each page loads with a plain <script src>,
   so search also works when the pages are opened from disk (file://). */
(function () {
  "use strict";
  var INDEX = window.BOOK_SEARCH_INDEX || [];
  var MAX = 20;

  function fold(s) {  // lower case, accents removed, curly quotes made straight
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"').toLowerCase();
  }

  var FOLDED = INDEX.map(function (e) { return { h: fold(e.h), x: fold(e.x) }; });

  function terms(query) {
    return fold(query).split(/[^\p{L}\p{N}'/.-]+/u).filter(function (t) { return t.length > 0; });
  }

  function search(query) {
    var phrase = fold(query).replace(/\s+/g, " ").trim();
    var words = terms(query);
    if (!words.length) return [];
    var hits = [];
    INDEX.forEach(function (entry, i) {
      var f = FOLDED[i], all = f.h + " " + f.x;
      if (!words.every(function (w) { return all.indexOf(w) >= 0; })) return;
      var score = 0;
      if (f.h.indexOf(phrase) >= 0) score += 100;
      if (f.x.indexOf(phrase) >= 0) score += 50;
      words.forEach(function (w) { if (f.h.indexOf(w) >= 0) score += 5; });
      hits.push({ entry: entry, score: score, at: f.x.indexOf(f.x.indexOf(phrase) >= 0 ? phrase : words[0]) });
    });
    hits.sort(function (a, b) { return b.score - a.score; });  // stable: book order among equals
    return hits;
  }

  function snippet(text, at, length) {
    if (at < 0) return text.slice(0, length);
    var start = Math.max(0, at - 60);
    return (start ? "…" : "") + text.slice(start, start + length) + (start + length < text.length ? "…" : "");
  }

  function render(list, query) {
    list.textContent = "";
    var hits = search(query);
    hits.slice(0, MAX).forEach(function (hit) {
      var e = hit.entry, li = document.createElement("li"), a = document.createElement("a");
      a.href = e.p + (e.a ? "#" + e.a : "");
      a.textContent = e.h === e.t ? e.t : e.h + " — " + e.t;
      var small = document.createElement("small");
      small.textContent = snippet(e.x, hit.at, 160);
      li.appendChild(a);
      li.appendChild(small);
      list.appendChild(li);
    });
    return hits.length;
  }

  document.querySelectorAll("form.search").forEach(function (form) {
    var input = form.querySelector("input[name=q]"), list = form.querySelector(".search-results");
    input.addEventListener("input", function () {
      if (input.value.trim().length < 2) { list.textContent = ""; return; }
      render(list, input.value);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { input.value = ""; list.textContent = ""; }
    });
  });

  var results = document.getElementById("search-page-results");
  if (results) {  // search.html?q=...: the full list of results
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var status = document.getElementById("search-status");
    var box = document.querySelector("form.search input[name=q]");
    if (box) box.value = query;
    if (!query.trim()) { status.textContent = "Type a word or phrase in the search box."; return; }
    var n = render(results, query);
    status.textContent = n === 0 ? "Nothing found for \u201c" + query + "\u201d."
      : n + (n === 1 ? " section matches" : " sections match") + " \u201c" + query + "\u201d"
        + (n > MAX ? " (the first " + MAX + " are shown)." : ".");
  }
})();
