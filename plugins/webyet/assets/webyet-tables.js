/* webyet: progressive enhancement for generated tables (sorting with tablesort, filtering),
   plus a name for the search dialog.
   Without JavaScript the tables are complete; this only adds controls. */
(function () {
  "use strict";
  var counter = 0;

  function facetValues(table, index) {
    var seen = {};
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var cell = row.cells[index];
      if (!cell || cell.dataset.facet === undefined) return;
      cell.dataset.facet.split("|").forEach(function (v) { if (v) seen[v] = true; });
    });
    return Object.keys(seen).sort();
  }

  function enhance(box) {
    if (box.dataset.wyReady) return;
    box.dataset.wyReady = "1";
    var table = box.querySelector("table");
    var headers = table.tHead.rows[0].cells;
    var rows = table.tBodies[0].rows;
    var id = "wy-table-" + (++counter);

    if (window.Tablesort) new window.Tablesort(table);
    Array.prototype.forEach.call(headers, function (th) {
      if (th.textContent.trim() === "") return;
      th.tabIndex = 0;
      th.setAttribute("aria-description", "Press Enter or Space to sort");
      // Vendored tablesort already sorts on Enter (its own keydown handler), so clicking on
      // Enter as well sorted twice and left every first sort descending. Add only Space, once
      // per press (not on auto-repeat); preventDefault stops it scrolling the page.
      th.addEventListener("keydown", function (event) {
        if (event.key !== " ") return;
        event.preventDefault();
        if (!event.repeat) th.click();
      });
    });

    var bar = document.createElement("div");
    bar.className = "wy-filters";
    bar.setAttribute("role", "search");
    var text = document.createElement("input");
    text.type = "search";
    text.id = id + "-q";
    text.placeholder = "Filter rows";
    var textLabel = document.createElement("label");
    textLabel.htmlFor = text.id;
    textLabel.textContent = "Filter";
    bar.appendChild(textLabel);
    bar.appendChild(text);

    var facets = [];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (!th.dataset.facets) return;
      var values = facetValues(table, index);
      if (values.length < 2) return;
      var select = document.createElement("select");
      select.id = id + "-f" + index;
      select.dataset.column = index;
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "any";
      select.appendChild(all);
      values.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = v;
        select.appendChild(option);
      });
      var label = document.createElement("label");
      label.htmlFor = select.id;
      label.textContent = th.textContent.trim();
      bar.appendChild(label);
      bar.appendChild(select);
      facets.push(select);
    });

    var status = document.createElement("p");
    status.className = "wy-filter-status";
    status.setAttribute("aria-live", "polite");

    function apply() {
      var query = text.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = !query || row.textContent.toLowerCase().indexOf(query) !== -1;
        facets.forEach(function (select) {
          if (!ok || !select.value) return;
          var cell = row.cells[Number(select.dataset.column)];
          ok = (cell.dataset.facet || "").split("|").indexOf(select.value) !== -1;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = shown + " of " + rows.length + " rows shown";
    }
    text.addEventListener("input", apply);
    facets.forEach(function (select) { select.addEventListener("change", apply); });

    box.insertBefore(bar, table);
    box.insertBefore(status, table);
    apply();
  }

  function enhanceAll() {
    document.querySelectorAll("[data-wy-table]").forEach(enhance);
    // Material's search dialog has no accessible name; give it one.
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(enhanceAll);
  else if (document.readyState !== "loading") enhanceAll();
  else document.addEventListener("DOMContentLoaded", enhanceAll);
})();
