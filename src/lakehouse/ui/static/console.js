// lakehouse console: the little the pages need beyond htmx (no data is sent anywhere from here).
(function () {
  "use strict";
  function historyKey() { return "lakehouse-sql-history:" + (document.body.dataset.principal || ""); }
  function readHistory() {
    try { return JSON.parse(localStorage.getItem(historyKey()) || "[]"); } catch (e) { return []; }
  }
  function showHistory() {
    var list = document.getElementById("sql-history");
    if (!list) return;
    list.textContent = "";
    readHistory().forEach(function (sql) {
      var item = document.createElement("li");
      item.textContent = sql;  // text, never HTML
      item.title = sql;
      item.addEventListener("click", function () { document.getElementById("sql").value = sql; });
      list.appendChild(item);
    });
  }
  function remember(sql) {
    var items = readHistory().filter(function (s) { return s !== sql; });
    items.unshift(sql);
    localStorage.setItem(historyKey(), JSON.stringify(items.slice(0, 50)));
    showHistory();
  }
  function insert(text) {
    var box = document.getElementById("sql");
    if (!box) return;
    var start = box.selectionStart, end = box.selectionEnd;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    box.focus();
    box.selectionStart = box.selectionEnd = start + text.length;
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-insert]");
    if (target) { event.preventDefault(); insert(target.dataset.insert); }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.id === "sql-form") {
      var box = document.getElementById("sql");
      if (box && box.value.trim()) remember(box.value.trim());
    }
  });
  document.addEventListener("submit", function (event) {
    if (event.target.id === "download-form") {
      document.getElementById("download-sql").value = document.getElementById("sql").value;
    }
  });
  // A refused form: mark the fields the API named, and put the message right after the first of them.
  document.addEventListener("htmx:afterSwap", function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    form = form && form.closest ? form.closest("form") : null;
    if (!form) return;
    form.querySelectorAll(".invalid").forEach(function (el) { el.classList.remove("invalid"); });
    form.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
    var error = event.detail.target.querySelector(".error[data-fields]");
    if (!error) return;
    var first = null;
    error.dataset.fields.split(" ").forEach(function (name) {
      form.querySelectorAll("[name]").forEach(function (el) {
        if (el.name === name || el.name.indexOf(name + ":") === 0) {
          el.classList.add("invalid");
          first = first || el;
        }
      });
    });
    if (first) {
      var note = document.createElement("span");
      note.className = "field-error";
      note.textContent = error.querySelector("strong").textContent;  // text, never HTML
      first.closest("label") ? first.closest("label").appendChild(note) : first.after(note);
      first.focus();
    }
  });
  document.addEventListener("DOMContentLoaded", showHistory);
})();
