/* Small behaviours the templates ask for through data- attributes, so that no page needs
   an inline script, an on… handler or a style="" attribute (Content-Security-Policy
   'self', chidao/web/headers.py).

   data-autosubmit        on a <select>: submit its form when the choice changes
   data-confirm="…"       on a <form> or a submit button: ask before sending
   data-check-all="name"  on a checkbox: tick or untick every input[name=name]
   data-width="42"        on a bar: its width in per cent (progress, share of a total)
*/
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    const field = event.target.closest("[data-autosubmit]");
    if (field && field.form) field.form.submit();
  });

  document.addEventListener("submit", function (event) {
    const button = event.submitter;
    const question = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    const all = event.target.closest("input[data-check-all]");
    if (!all) return;
    const selector = 'input[name="' + CSS.escape(all.dataset.checkAll) + '"]';
    for (const box of document.querySelectorAll(selector)) box.checked = all.checked;
  });

  function widths(root) {
    for (const bar of root.querySelectorAll("[data-width]")) {
      const value = Math.max(0, Math.min(100, parseFloat(bar.dataset.width) || 0));
      bar.style.width = value + "%";  // CSSOM: allowed where style="" is not
    }
  }

  document.addEventListener("DOMContentLoaded", function () { widths(document); });
  document.addEventListener("htmx:load", function (event) { widths(event.target); });
})();
