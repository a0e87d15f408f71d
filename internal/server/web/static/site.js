// crosscheck: a click on a citation in the summary reveals that source's
// own sentence. Without this script every source sentence is a <details>
// element the reader can open by hand.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function toggle(btn) {
    var ev = document.getElementById(btn.getAttribute("aria-controls"));
    if (!ev) return;
    var open = !ev.open;
    ev.open = open;
    btn.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var btn = t.closest("button.cite[aria-controls]");
    if (btn) {
      e.preventDefault();
      toggle(btn);
    }
  });
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!(d instanceof HTMLDetailsElement) || !d.id) return;
    var btn = document.querySelector('button.cite[aria-controls="' + d.id + '"]');
    if (btn) btn.setAttribute("aria-expanded", d.open ? "true" : "false");
  }, true);
})();
