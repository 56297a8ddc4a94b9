// Quick exit: open a neutral site and replace this page in the history, so
// "Back" does not return here. Without JavaScript the link still leaves.
(function () {
  "use strict";
  function leave(event) {
    var target = this.getAttribute("data-exit");
    if (event) { event.preventDefault(); }
    try { window.open(target, "_blank", "noopener"); } catch (ignored) {}
    window.location.replace(target);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var links = document.querySelectorAll("a.quick-exit");
    for (var i = 0; i < links.length; i++) { links[i].addEventListener("click", leave); }
    var escapes = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { escapes = 0; return; }
      escapes += 1;
      if (escapes >= 3 && links.length) { leave.call(links[0]); }
    });
  });
})();
