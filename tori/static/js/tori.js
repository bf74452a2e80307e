// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  var NARROW = "(max-width: 63.99em)";

  // On phones the filter panel starts closed so the results are the first thing seen;
  // without JavaScript it stays open, which is longer but fully usable.
  function collapseOnNarrow(root) {
    if (!window.matchMedia(NARROW).matches) return;
    root.querySelectorAll("details[data-collapse-narrow]").forEach(function (el) {
      el.open = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    collapseOnNarrow(document);
  });

  // htmx replaces the whole filter form: keep each group open or closed as the
  // person left it, instead of the server's defaults.
  var openState = {};
  document.addEventListener("htmx:beforeSwap", function (event) {
    openState = {};
    event.detail.target.querySelectorAll("details[id]").forEach(function (el) {
      openState[el.id] = el.open;
    });
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    event.detail.target.querySelectorAll("details[id]").forEach(function (el) {
      if (Object.prototype.hasOwnProperty.call(openState, el.id)) el.open = openState[el.id];
    });
  });

  // After a link (page number, removing a filter) replaced the list, move focus to the
  // result count so keyboard and screen-reader users continue from there.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "listing") return;
    var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (trigger && trigger.matches && trigger.matches("a")) {
      var heading = document.getElementById("results-heading");
      if (heading) heading.focus();
    }
  });
})();
