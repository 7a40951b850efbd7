// Layer 1: a deep link (#<recommendation id>) opens its recommendation; the layer-2 sections open as tabs in place.
// Without JavaScript the <details> still unfold and the tabs stay plain links to the layer-2 page.
(function () {
  var pages = {};

  function page(url) {
    if (!pages[url]) {
      pages[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      }).then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    }
    return pages[url];
  }

  // The section from the layer-2 page, its links made absolute and its ids dropped (no duplicates here).
  function section(doc, url, anchor) {
    var found = doc.getElementById(anchor);
    if (!found) return null;
    var copy = found.cloneNode(true);
    copy.querySelectorAll("a[href]").forEach(function (a) { a.href = new URL(a.getAttribute("href"), url).href; });
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id]"))).forEach(function (e) { e.removeAttribute("id"); });
    copy.querySelectorAll("[aria-labelledby],[aria-describedby]").forEach(function (e) {
      e.removeAttribute("aria-labelledby"); e.removeAttribute("aria-describedby");
    });
    copy.querySelectorAll("details.section-fold").forEach(function (d) {
      d.open = true;
      var summary = d.querySelector(":scope > summary");
      if (summary) summary.remove();
    });
    var heading = copy.querySelector("h2");
    if (heading) heading.remove();
    return copy;
  }

  function select(tabs, panel, tab) {
    var closing = tab.getAttribute("aria-selected") === "true";
    tabs.forEach(function (t) { t.setAttribute("aria-selected", "false"); t.tabIndex = -1; });
    tab.tabIndex = 0;
    if (closing) { panel.hidden = true; return; }
    tab.setAttribute("aria-selected", "true");
    panel.setAttribute("aria-labelledby", tab.id);
    panel.hidden = false;
    panel.setAttribute("aria-busy", "true");
    var url = tab.href.split("#")[0];
    page(url).then(function (doc) {
      var content = section(doc, url, tab.dataset.section);
      if (!content) throw new Error("missing section");
      panel.replaceChildren(content);
      panel.removeAttribute("aria-busy");
    }).catch(function () { window.location.href = tab.href; });
  }

  function setup(nav) {
    var panel = document.getElementById(nav.dataset.tabs);
    var list = nav.querySelector("ul");
    var tabs = Array.prototype.slice.call(nav.querySelectorAll("a[data-section]"));
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", nav.getAttribute("aria-label"));
    panel.setAttribute("role", "tabpanel");
    panel.tabIndex = 0;
    tabs.forEach(function (tab, i) {
      tab.parentElement.setAttribute("role", "presentation");
      tab.setAttribute("role", "tab");
      tab.id = panel.id + "-tab-" + i;
      tab.setAttribute("aria-controls", panel.id);
      tab.setAttribute("aria-selected", "false");
      tab.tabIndex = i === 0 ? 0 : -1;
      tab.addEventListener("click", function (event) { event.preventDefault(); select(tabs, panel, tab); });
      tab.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (event.key === " ") { event.preventDefault(); select(tabs, panel, tab); return; }
        if (!step) return;
        event.preventDefault();
        var next = tabs[(i + step + tabs.length) % tabs.length];
        tabs.forEach(function (t) { t.tabIndex = -1; });
        next.tabIndex = 0;
        next.focus();
      });
    });
  }

  // A deep link opens what holds its target: a recommendation on layer 1, a folded section on layer 2.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var folds = [];
    for (var node = target; node; node = node.parentElement && node.parentElement.closest("details")) {
      if (node.matches("details")) folds.push(node);
    }
    target.querySelectorAll(":scope > details.section-fold").forEach(function (d) { folds.push(d); });
    if (!folds.length) return;
    folds.forEach(function (d) { d.open = true; });
    target.scrollIntoView();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("nav.rec-tabs[data-tabs]").forEach(setup);
    openTarget();
  });
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) window.setTimeout(openTarget, 0);  // the same anchor twice fires no hashchange
  });
  // Print everything, folded sections included.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.section-fold").forEach(function (d) { d.open = true; });
  });

  // The language switch keeps the reader's place: the #anchor goes along to the same page in the other language.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lang a[data-language]");
    if (!link || !window.location.hash) return;
    var url = new URL(link.href);
    url.searchParams.set("next", (url.searchParams.get("next") || "/").split("#")[0] + window.location.hash);
    link.href = url.href;
  });
})();
