// The guideline index at / : an old layer-1 bookmark (/#<recommendation>) goes on to that recommendation in the
// default guideline (the fragment never reaches the server, so only the page can forward it).
(function () {
  var index = document.querySelector("[data-forward-anchors]");
  var wanted = decodeURIComponent(window.location.hash.slice(1));
  if (!index || !wanted) return;
  if (index.dataset.forwardAnchors.split(" ").indexOf(wanted) === -1) return;
  window.location.replace(index.dataset.forwardPrefix + "#" + encodeURIComponent(wanted));
})();
// Glossary tooltips: Escape hides an open explanation (WCAG 1.4.13); moving on shows them again.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var term = document.activeElement && document.activeElement.closest(".term");
  if (term) term.classList.add("dismissed");
  document.querySelectorAll(".term:hover").forEach(function (t) { t.classList.add("dismissed"); });
});
document.addEventListener("focusout", function (event) {
  var term = event.target.closest && event.target.closest(".term");
  if (term) term.classList.remove("dismissed");
});
document.addEventListener("mouseout", function (event) {
  var term = event.target.closest && event.target.closest(".term.dismissed");
  if (term && !term.contains(event.relatedTarget)) term.classList.remove("dismissed");
});
// Print every erratum explanation, not only the opened ones.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.erratum").forEach(function (d) { d.setAttribute("open", ""); });
});
