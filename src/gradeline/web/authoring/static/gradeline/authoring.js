// Live hints in the guideline editor: the strength's wording template and check, and an evidence row's
// computed reading. Both come from the server (the same code the linter and the reading pages use).
(function () {
  "use strict";

  function debounce(fn, ms) {
    let timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function post(form, extra) {
    const body = new FormData(form);
    Object.keys(extra).forEach(function (k) { body.set(k, extra[k]); });
    return fetch(form.dataset.live, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); });
  }

  function wording(form) {
    const hint = form.querySelector(".wording-hint");
    const texts = document.querySelector("#wording-texts").content.firstElementChild.dataset;
    const text = form.querySelector("[name=text]");
    const label = form.querySelector("[name=label]");
    const update = debounce(function () {
      post(form, { kind: "wording" }).then(function (res) {
        if (!res.ok) return;
        const d = res.data;
        hint.hidden = false;
        hint.querySelector(".templates").textContent = d.templates.length ? d.templates.join(" / ") : "—";
        hint.querySelector(".label").textContent = d.label || "—";
        if (label && !label.value && d.label) label.placeholder = d.label;
        const verdict = hint.querySelector(".verdict");
        verdict.textContent = d.label === null ? texts.none : d.matches === false ? texts.bad : d.matches ? texts.ok : "";
        verdict.className = "verdict " + (d.matches === false ? "bad" : d.matches ? "ok" : "");
        if (text && !text.value && d.templates.length) text.placeholder = d.templates[0];
      });
    }, 300);
    ["strength", "direction", "text"].forEach(function (name) {
      const input = form.querySelector("[name=" + name + "]");
      if (input) input.addEventListener("input", update);
    });
    update();
  }

  function outcome(form) {
    const needs = document.querySelector("#live-texts").content.firstElementChild.dataset.needs;
    const out = function (key) { return form.querySelector("[data-out=" + key + "]"); };
    const update = debounce(function () {
      post(form, { kind: "row", rec_id: form.dataset.rec }).then(function (res) {
        const d = res.data;
        if (!res.ok) {
          out("notes").textContent = d.detail + " " + d.errors.map(function (e) { return e.loc[0] + ": " + e.msg; }).join("; ");
          return;
        }
        ["effect_text", "absolute", "relevance", "statement"].forEach(function (k) {
          out(k).textContent = d[k] || "—";
        });
        out("notes").textContent = d.notes.map(function (n) { return n === "needs_valid_pack" ? needs : n; }).join(" ");
      });
    }, 400);
    form.addEventListener("input", update);
    update();
  }

  // A hint belongs right under the field it is about.
  function moveAfter(selector, fieldName) {
    const hint = document.querySelector(selector);
    const field = document.querySelector("[data-field=" + fieldName + "]");
    if (hint && field) field.after(hint);
  }

  document.addEventListener("DOMContentLoaded", function () {
    moveAfter(".wording-hint", "text");
    moveAfter(".computed", "effect_text");
    const saved = document.querySelector(".saved");
    if (saved && window.location.hash === "#gemt") saved.hidden = false;
    document.querySelectorAll("form[data-live]").forEach(function (form) {
      if (form.classList.contains("outcome-form")) outcome(form);
      else if (form.querySelector("[name=text]")) wording(form);
    });
  });
})();
