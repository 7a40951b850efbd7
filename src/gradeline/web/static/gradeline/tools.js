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
// Decision support: a "none of these" box answers every target radio still unanswered, visibly; unchecking
// restores the answers it changed; changing one of those answers by hand unchecks the box (nothing is lost).
(function () {
  var boxes = document.querySelectorAll("input[data-bulk-targets]");
  if (!boxes.length) return;
  var checkedValue = function (name) {
    var el = document.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : "";
  };
  var setValue = function (name, value) {
    var el = document.querySelector('input[name="' + name + '"][value="' + value + '"]');
    if (!el || el.checked) return;
    el.checked = true;
    var box = el.closest(".q");
    if (box) { box.classList.remove("q-set"); void box.offsetWidth; box.classList.add("q-set"); box.classList.toggle("q-yes", value === "yes"); }
  };
  var applying = false;
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var targets = box.getAttribute("data-bulk-targets").split(" ");
      var value = box.getAttribute("data-bulk-value");
      applying = true;
      if (box.checked) {
        var before = {};
        targets.forEach(function (name) {
          var current = checkedValue(name);
          if (current === "" || current === "unknown") { before[name] = current || "unknown"; setValue(name, value); }
        });
        box.setAttribute("data-before", JSON.stringify(before));
        // A whole-list box also ticks the group boxes it covers.
        boxes.forEach(function (other) {
          if (other === box || other.checked) return;
          var covered = other.getAttribute("data-bulk-targets").split(" ").every(function (t) { return targets.indexOf(t) >= 0; });
          if (covered && other.getAttribute("data-bulk-value") === value) { other.checked = true; other.setAttribute("data-before", "{}"); other.setAttribute("data-auto", box.name); }
        });
      } else {
        var saved = JSON.parse(box.getAttribute("data-before") || "{}");
        Object.keys(saved).forEach(function (name) { setValue(name, saved[name]); });
        box.removeAttribute("data-before");
        boxes.forEach(function (other) {
          if (other.getAttribute("data-auto") === box.name) { other.checked = false; other.removeAttribute("data-auto"); }
        });
      }
      applying = false;
    });
  });
  document.addEventListener("change", function (event) {
    var t = event.target;
    if (applying || t.type !== "radio") return;
    boxes.forEach(function (box) {
      if (box.checked && box.getAttribute("data-bulk-targets").split(" ").indexOf(t.name) >= 0 && t.value !== box.getAttribute("data-bulk-value")) {
        box.checked = false;
        box.removeAttribute("data-before");
      }
    });
  });
})();
