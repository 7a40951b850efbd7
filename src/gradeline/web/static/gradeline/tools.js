// Decision support and decision aid: small enhancements; every page works without them.
(function () {
  document.querySelectorAll(".js-only, [data-print]").forEach(function (el) { el.hidden = false; });
  document.addEventListener("click", function (event) {
    var t = event.target.closest && event.target.closest("[data-print], [data-copy]");
    if (!t) return;
    if (t.hasAttribute("data-print")) { window.print(); return; }
    var source = document.getElementById(t.getAttribute("data-copy"));
    var status = t.parentElement.querySelector(".copy-status");
    var done = function () { if (status) status.textContent = t.getAttribute("data-copied"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done, function () { source.select(); });
    } else {
      source.select();
      try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
    }
  });
  var form = document.getElementById("form-errors");
  if (form) form.focus();
})();
