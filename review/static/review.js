/* Keyboard shortcuts of the review app. No inline scripts anywhere: this file is the only script. */
(function () {
  "use strict";

  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }
  function byId(id) { return document.getElementById(id); }
  function press(id) { var b = byId(id); if (b) { b.click(); } }

  /* Lists (queue, incidents): j/k move, Enter opens, n next candidate. */
  function listKeys(ev) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-href]"));
    var at = rows.findIndex(function (r) { return r.classList.contains("sel"); });
    if (ev.key === "j" || ev.key === "k") {
      if (!rows.length) { return; }
      if (at >= 0) { rows[at].classList.remove("sel"); }
      at = ev.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
      rows[at].classList.add("sel");
      rows[at].scrollIntoView({ block: "nearest" });
    } else if (ev.key === "Enter" && at >= 0) {
      window.location.assign(rows[at].dataset.href);
    } else if (ev.key === "i") {
      window.location.assign("/incidents");
    } else if (ev.key === "n" && document.body.dataset.page === "queue") {
      window.location.assign("/next");
    } else { return; }
    ev.preventDefault();
  }

  function showArticle(n) {
    var art = byId("art-" + n);
    if (!art) { return; }
    document.querySelectorAll("article.source").forEach(function (a) { a.classList.remove("shown"); });
    art.classList.add("shown");
    art.scrollIntoView({ block: "start" });
  }

  function openPanel(id, focusId) {
    ["reject-panel", "merge-panel"].forEach(function (p) { var el = byId(p); if (el) { el.hidden = p !== id; } });
    var f = byId(focusId); if (f) { f.focus(); }
  }

  var mergeState = { query: null, items: [], at: -1 };

  function selectResult(at) {
    var items = document.querySelectorAll("#merge-results li");
    items.forEach(function (li, i) { li.classList.toggle("sel", i === at); });
    mergeState.at = at;
    if (at >= 0 && mergeState.items[at]) {
      byId("incident_id").value = mergeState.items[at].id;
      byId("merge-target").textContent = "#" + mergeState.items[at].id;
    }
  }

  function searchIncidents() {
    var q = byId("merge-q").value.trim();
    var url = byId("merge-panel").dataset.api + "?q=" + encodeURIComponent(q);
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (items) {
      var list = byId("merge-results");
      list.textContent = "";
      items.forEach(function (it, i) {
        var li = document.createElement("li");
        li.textContent = "#" + it.id + " " + (it.title || "") + " · " + (it.category_name || it.category || "") + " · " + (it.event_date || "") + " · " + (it.status_name || it.status || "");
        li.setAttribute("translate", "no");
        li.addEventListener("click", function () { selectResult(i); });
        list.appendChild(li);
      });
      mergeState = { query: q, items: items, at: -1 };
      selectResult(items.length ? 0 : -1);
    });
  }

  function mergeKeys(ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      if (mergeState.query === byId("merge-q").value.trim() && mergeState.at >= 0) { press("btn-merge-go"); }
      else { searchIncidents(); }
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      var n = mergeState.items.length;
      if (n) { selectResult((mergeState.at + (ev.key === "ArrowDown" ? 1 : n - 1)) % n); }
    }
  }

  function candidateKeys(ev) {
    var actions = {
      a: function () { press("btn-accept"); },
      r: function () { openPanel("reject-panel", "reason"); },
      m: function () { openPanel("merge-panel", "merge-q"); },
      s: function () { press("btn-second"); },
      n: function () { press("btn-skip"); },
      j: function () { press("btn-next"); },
      u: function () { press("btn-undo"); },
      e: function () { var f = byId("f-category"); if (f) { f.focus(); } }
    };
    if (actions[ev.key]) { ev.preventDefault(); actions[ev.key](); return; }
    if (/^[1-9]$/.test(ev.key)) { ev.preventDefault(); showArticle(ev.key); }
  }

  function fieldKeys(ev) {
    var t = ev.target;
    if (ev.key === "Escape") { t.blur(); ["reject-panel", "merge-panel"].forEach(function (p) { var el = byId(p); if (el && !el.contains(t)) { el.hidden = true; } }); return; }
    if (t.id === "reason" && ev.key === "Enter") {
      ev.preventDefault();
      if (t.value.trim()) { press("btn-reject-go"); }
      return;
    }
    if (t.id === "merge-q") { mergeKeys(ev); return; }
    if (ev.key === "Enter" && t.tagName === "INPUT" && t.form && t.form.id === "decide") { ev.preventDefault(); }
  }

  /* Incident page: m merge (type the id, Enter previews), u undo a merge; merge preview: y or
     Enter merges, Escape cancels. */
  function incidentKeys(ev) {
    if (ev.key === "m" && byId("merge-into")) { ev.preventDefault(); byId("merge-into").focus(); }
    else if (ev.key === "u" && byId("btn-unmerge")) { ev.preventDefault(); press("btn-unmerge"); }
  }
  function mergePreviewKeys(ev) {
    if (ev.key === "y" || ev.key === "Enter") { ev.preventDefault(); press("btn-merge-confirm"); }
    else if (ev.key === "Escape") { ev.preventDefault(); press("merge-cancel"); }
  }

  /* x (candidate and incident pages): redact the selected text as a passage, or type a name. */
  function redactKey(ev) {
    var field = byId("redact-text");
    if (ev.key !== "x" || !field) { return false; }
    ev.preventDefault();
    var picked = String(window.getSelection ? window.getSelection() : "").trim();
    if (picked) { field.value = picked; byId("redact-kind").value = "span"; byId("redact-reason").focus(); }
    else { field.focus(); }
    return true;
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (!typing(ev.target) && redactKey(ev)) { return; }
    if (typing(ev.target)) { fieldKeys(ev); return; }
    var page = document.body.dataset.page;
    if (page === "incident") { incidentKeys(ev); }
    else if (page === "merge") { mergePreviewKeys(ev); }
    if (page === "candidate") { candidateKeys(ev); }
    else if (page === "queue" || page === "incidents") { listKeys(ev); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-article]").forEach(function (tab) {
      tab.addEventListener("click", function (ev) { ev.preventDefault(); showArticle(tab.dataset.article); });
    });
    var reject = byId("btn-reject"); if (reject) { reject.addEventListener("click", function () { openPanel("reject-panel", "reason"); }); }
    var merge = byId("btn-merge"); if (merge) { merge.addEventListener("click", function () { openPanel("merge-panel", "merge-q"); }); }
    var go = byId("btn-reject-go");
    if (go) { go.addEventListener("click", function (ev) { if (!byId("reason").value.trim()) { ev.preventDefault(); byId("reason").focus(); } }); }
  });
}());
