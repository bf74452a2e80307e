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

/* --- Organisation finder: ARIA 1.2 combobox (share form) --- */
// The field is a plain text input with a "Find" button that works without JavaScript;
// here it becomes a combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
// htmx fetches the options as the person types, the focus stays in the input and the
// option under the arrow keys is pointed to with aria-activedescendant.
(function () {
  "use strict";

  function setup(root) {
    var input = root.querySelector("input[type=text]");
    var listId = root.getAttribute("data-listbox");
    var popup = input && document.getElementById(input.getAttribute("hx-target").slice(1));
    var status = document.getElementById(listId + "-status");
    if (!input || !popup || !status) return;
    var active = -1;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function listbox() {
      return document.getElementById(listId);
    }
    function options() {
      var list = listbox();
      return list ? Array.prototype.slice.call(list.querySelectorAll("[role=option]")) : [];
    }
    function isOpen() {
      return input.getAttribute("aria-expanded") === "true";
    }
    function highlight(index) {
      var all = options();
      active = index;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
        option.classList.toggle("is-active", i === index);
      });
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function open() {
      var list = listbox();
      if (!list || !options().length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function close() {
      var list = listbox();
      if (list) list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      highlight(-1);
    }
    function choose(option) {
      input.value = option.getAttribute("data-value");
      close();
      status.textContent = "";
      input.focus();
    }

    // New options arrived: open the list and say how many (politely, once).
    popup.addEventListener("htmx:afterSettle", function () {
      active = -1;
      if (options().length && document.activeElement === input) open();
      else close();
      var list = listbox();
      status.textContent = list ? list.getAttribute("data-count-text") || "" : "";
    });

    input.addEventListener("keydown", function (event) {
      var all = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length) return;
        event.preventDefault();
        if (!isOpen()) open();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active < 0 ? (step > 0 ? 0 : all.length - 1) : (active + step + all.length) % all.length;
        highlight(next);
      } else if (event.key === "Enter") {
        if (isOpen() && active >= 0 && all[active]) {
          event.preventDefault(); // choose, do not submit the form
          choose(all[active]);
        }
      } else if (event.key === "Escape") {
        if (isOpen()) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      // A click on an option keeps the focus (mousedown below), so this is leaving.
      close();
    });
    popup.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    popup.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) choose(option);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-combobox]").forEach(setup);
  });
})();
