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

// --- Share form: error summary links and characters left
(function () {
  "use strict";

  // A summary link moves focus to the field itself (a fragment link alone only
  // scrolls), with its label in view above it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    if (!link) return;
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) return;
    event.preventDefault();
    var field = input.closest(".field") || input;
    field.scrollIntoView({ block: "start" });
    input.focus({ preventScroll: true });
  });

  // Characters left under a field with a maximum length: shown at once, and told to
  // screen readers politely only once the person pauses typing.
  function setUpRemaining(input) {
    var max = parseInt(input.getAttribute("maxlength"), 10);
    if (!max) return;
    var shown = document.createElement("p");
    shown.className = "field__count";
    shown.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", spoken);
    input.insertAdjacentElement("afterend", shown);
    var timer = null;
    function text() {
      var left = max - input.value.length;
      var template = input.getAttribute(left === 1 ? "data-remaining-one" : "data-remaining-other");
      return template.replace("{n}", String(left));
    }
    shown.textContent = text();
    input.addEventListener("input", function () {
      shown.textContent = text();
      clearTimeout(timer);
      timer = setTimeout(function () {
        spoken.textContent = text();
      }, 1500);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-remaining-other][maxlength]").forEach(setUpRemaining);
  });
})();
