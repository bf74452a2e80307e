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
  // (A history restoration's swap events may come without a target.)
  document.addEventListener("htmx:beforeSwap", function (event) {
    openState = {};
    var target = event.detail && event.detail.target;
    if (!target) return;
    target.querySelectorAll("details[id]").forEach(function (el) {
      openState[el.id] = el.open;
    });
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) return;
    target.querySelectorAll("details[id]").forEach(function (el) {
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

  // A filter, sort or search box the person used stays where it was on the screen, with
  // focus: the list swaps in a new copy of the control, and a shorter page would
  // otherwise pull the viewport down to the footer (issue 11, item 2).
  var LISTS = ["listing", "organisation-listing"];
  var anchor = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail && event.detail.target;
    anchor = null;
    if (!target || LISTS.indexOf(target.id) < 0) return;
    target.style.minHeight = "";
    var active = document.activeElement;
    if (!active || !active.id || !active.matches("input, select, textarea, button")) return;
    anchor = { id: active.id, top: active.getBoundingClientRect().top, list: target };
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (!anchor || !event.detail || event.detail.target !== anchor.list) return;
    var control = document.getElementById(anchor.id);
    var list = anchor.list;
    var top = anchor.top;
    anchor = null;
    if (!control) return;
    var shift = control.getBoundingClientRect().top - top;
    var room = document.documentElement.scrollHeight - window.innerHeight - window.scrollY;
    // Keep the page long enough to scroll back to the same place; the space is given
    // back at the next change.
    if (shift > room) list.style.minHeight = list.offsetHeight + (shift - room) + "px";
    window.scrollBy(0, shift);
    if (document.activeElement !== control) control.focus({ preventScroll: true });
  });

  // The new result count is read out from one polite live region that stays in the page
  // (a region swapped in with the results would not be announced, nor should the list be).
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || LISTS.indexOf(target.id) < 0) return;
    var region = document.getElementById("results-status");
    var source = target.querySelector("[data-status]");
    if (!region || !source) return;
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = source.getAttribute("data-status");
    }, 50);
  });

  // Visitor analytics counts each submitted search once (analytics/middleware.py). The
  // server cannot tell a pause in typing from a submitted search, so this marks the one
  // request that carries words not yet counted on this page with "Tori-Search: new":
  // Enter, the button, leaving the box, or a filter, sort or page used after typing.
  // Pauses in typing are never marked, and neither are later changes to the same search.
  var counted = "";
  function words(value) {
    return String(value || "").trim().toLowerCase().split(/\s+/).join(" ");
  }
  function readCounted() {
    var box = document.getElementById("q");
    counted = box ? words(box.value) : "";
  }
  document.addEventListener("DOMContentLoaded", readCounted);
  document.addEventListener("htmx:configRequest", function (event) {
    var detail = event.detail;
    var box = document.getElementById("q");
    if (!box || !detail.target || detail.target.id !== "listing") return;
    var q = detail.parameters ? detail.parameters.q : undefined;
    if (q === undefined) q = new URL(detail.path, location.href).searchParams.get("q");
    q = words(Array.isArray(q) ? q[0] : q);
    var trigger = detail.triggeringEvent;
    if (trigger && trigger.type === "change" && trigger.target === box && q === counted) {
      event.preventDefault(); // left the box with nothing new: nothing to ask
      return;
    }
    if (trigger && trigger.type === "input") return; // a pause in typing
    if (q && q !== counted) {
      detail.headers["Tori-Search"] = "new";
      counted = q;
    }
  });

  // "Copy link": without JavaScript the address stays a read-only field to copy by hand.
  function showCopyButtons(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    showCopyButtons(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    showCopyButtons((event.detail && event.detail.target) || document);
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("share-status");
    if (!field) return;
    navigator.clipboard.writeText(field.value).then(
      function () {
        if (status) status.textContent = button.getAttribute("data-copied") || "";
      },
      function () {
        field.select(); // the browser refused: leave the address selected to copy by hand
      }
    );
  });

  // Back/Forward replaces the whole body with the page from the server.
  document.addEventListener("htmx:historyRestore", function () {
    collapseOnNarrow(document);
    showCopyButtons(document);
    readCounted();
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
