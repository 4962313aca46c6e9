// newsmill article page: click a quote or event to highlight its evidence span in the text;
// show or hide the page furniture that was removed. No inline script (see the CSP header).
"use strict";

function highlight(key) {
  document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
  const pieces = document.querySelectorAll('[data-spans~="' + CSS.escape(key) + '"]');
  pieces.forEach((el) => el.classList.add("active"));
  document.querySelectorAll('[data-target="' + CSS.escape(key) + '"]').forEach((el) => el.classList.add("active"));
  if (pieces.length) {
    pieces[0].scrollIntoView({ block: "center" });
  }
  return pieces.length;
}

document.addEventListener("click", (event) => {
  const trigger = event.target.closest("[data-target]");
  if (trigger) {
    highlight(trigger.dataset.target);
    history.replaceState(null, "", "#" + trigger.dataset.target);
    return;
  }
  const piece = event.target.closest("[data-spans]");
  if (piece && !event.target.closest("a")) {
    highlight(piece.dataset.spans.split(" ")[0]);
    return;
  }
  const toggle = event.target.closest("#toggle-boilerplate");
  if (toggle) {
    const shown = document.body.classList.toggle("show-boilerplate");
    toggle.setAttribute("aria-pressed", String(shown));
    toggle.textContent = toggle.textContent.replace(shown ? "Show" : "Hide", shown ? "Hide" : "Show");
  }
});

document.addEventListener("DOMContentLoaded", () => {
  const key = location.hash.slice(1);
  if (/^[qv]\d+$/.test(key)) {
    highlight(key);
  }
});
