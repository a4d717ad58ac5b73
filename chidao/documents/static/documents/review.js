// Review screen: agency pickers (autocomplete from /co-quan/tim/), source ↔ card links and
// keyboard shortcuts.
// Without JavaScript the page still works: chips are checkboxes, unticking one removes it.
(function () {
  "use strict";
  var texts = document.getElementById("picker-texts");

  function addChip(picker, item) {
    var name = picker.dataset.name, chips = picker.querySelector(".chips");
    var existing = chips.querySelector('input[value="' + item.id + '"]');
    if (existing) { existing.checked = true; return; }
    var label = document.createElement("label"), box = document.createElement("input");
    label.className = "chip";
    box.type = "checkbox"; box.name = name; box.value = item.id; box.checked = true;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + item.name));
    chips.appendChild(label);
  }

  function show(picker, results) {
    var list = picker.querySelector(".picker-results");
    list.textContent = "";
    results.forEach(function (item) {
      var li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.textContent = item.name + (item.dissolved && texts ? " (" + texts.dataset.dissolved + ")" : "");
      b.addEventListener("click", function () {
        addChip(picker, item);
        list.hidden = true;
        picker.querySelector(".picker-input").value = "";
      });
      li.appendChild(b); list.appendChild(li);
    });
    if (!results.length && texts) {
      var empty = document.createElement("li");
      empty.className = "muted"; empty.textContent = texts.dataset.empty;
      list.appendChild(empty);
    }
    list.hidden = false;
  }

  function bind(picker) {
    var input = picker.querySelector(".picker-input"), timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { picker.querySelector(".picker-results").hidden = true; return; }
      timer = setTimeout(function () {
        var url = input.dataset.url + "?q=" + encodeURIComponent(q) +
          (input.dataset.on ? "&on=" + encodeURIComponent(input.dataset.on) : "");
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (data) { show(picker, data.results || []); });
      }, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") { return; }
      e.preventDefault();  // Enter picks the first match instead of submitting the form
      var first = picker.querySelector(".picker-results button");
      if (first) { first.click(); }
    });
  }

  // Working on a card brings its span into view in the source column.
  function follow(card) {
    var source = document.getElementById("source");
    var mark = document.getElementById("span-" + card.id.slice(2));
    if (!source || !mark) { return; }
    source.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    mark.classList.add("active");
    source.scrollTo({ top: mark.offsetTop - source.offsetTop - 40, behavior: "smooth" });
  }

  // A card's decision shows on its span in the source too (the card comes back alone
  // from an htmx action, the source is not sent again).
  function mirror(card) {
    var mark = document.getElementById("span-" + card.id.slice(2));
    if (!mark || !card.dataset.decision) { return; }
    var active = mark.classList.contains("active");
    mark.className = card.dataset.decision;
    if (active) { mark.classList.add("active"); }
  }

  // A group's bodies that ended without a successor take no new task: one click unticks them.
  function dropEnded(button) {
    var group = button.previousElementSibling;
    group.querySelectorAll("label.chip-gone input").forEach(function (box) { box.checked = false; });
    button.disabled = true;
  }

  function setup(root) {
    root.querySelectorAll(".picker").forEach(bind);
    root.querySelectorAll("button.drop-ended").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { dropEnded(button); });
    });
    var cards = Array.prototype.slice.call(root.querySelectorAll("article.cand[id^='c-']"));
    if (root.matches && root.matches("article.cand[id^='c-']")) { cards.push(root); mirror(root); }
    cards.forEach(function (card) {
      card.addEventListener("focusin", function () { follow(card); });
      card.addEventListener("mouseenter", function () { follow(card); });
    });
  }

  // Keyboard: the current card (outlined) takes a = accept, r = reject, e = edit its text,
// d = drop its groups' bodies that ended without a successor;
  // j/n and k/p move to the next/previous card. Accepting or rejecting moves on to the next
  // card at once; a card whose answer is an error becomes the current one again.
  var currentId = null, sentFrom = null;

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll("article.cand[id^='c-']"));
  }

  function select(card, scroll) {
    document.querySelectorAll("article.cand.current").forEach(function (c) { c.classList.remove("current"); });
    if (!card) { return; }
    currentId = card.id;
    card.classList.add("current");
    if (scroll) { card.scrollIntoView({ block: "nearest" }); follow(card); }
  }

  function current() { return currentId ? document.getElementById(currentId) : null; }

  function step(by) {
    var all = cards(), i = all.indexOf(current());
    var next = all[Math.min(Math.max(i + by, 0), all.length - 1)];
    if (next) { select(next, true); }
  }

  function decide(value) {
    var card = current(), button = card && card.querySelector("button[value=" + value + "]");
    if (!button) { return; }
    sentFrom = card.id;
    button.click();
    step(1);
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (typing(e.target)) {
      if (e.key === "Escape") { e.target.blur(); }
      return;
    }
    var actions = {
      a: function () { decide("accept"); },
      r: function () { decide("reject"); },
      j: function () { step(1); }, n: function () { step(1); },
      k: function () { step(-1); }, p: function () { step(-1); },
      d: function () { current().querySelectorAll("button.drop-ended:not(:disabled)").forEach(dropEnded); },
      e: function () {
        var text = current() && current().querySelector("textarea");
        if (text) { text.focus(); }
      },
    };
    if (!actions[e.key] || !current()) { return; }
    e.preventDefault();
    actions[e.key]();
  });

  document.addEventListener("DOMContentLoaded", function () {
    setup(document);
    var all = cards();
    select(all.filter(function (c) { return c.dataset.decision === "pending"; })[0] || all[0], false);
    document.querySelectorAll("#source mark[id^='span-']").forEach(function (mark) {
      mark.addEventListener("click", function () {
        var card = document.getElementById("c-" + mark.id.slice(5));
        if (card) { card.scrollIntoView({ behavior: "smooth", block: "start" }); }
      });
    });
  });
  // htmx:load also fires once for the whole body at start; only swapped-in parts are new
  document.addEventListener("htmx:load", function (event) {
    if (event.target === document.body) { return; }
    setup(event.target);
    var card = event.target;
    if (card.id && card.id === sentFrom && card.querySelector(".msg-error")) {
      sentFrom = null;
      select(card, true);  // the answer was a refusal: back to that card
    } else if (card.id && card.id === currentId) {
      card.classList.add("current");  // the swapped-in copy of the current card
    }
  });
})();
