/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  function linkErrorSummaryToFields() {
    document.querySelectorAll("#error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) {
          event.preventDefault();
          target.focus();
          target.scrollIntoView({ block: "center" });
        }
      });
    });
  }

  function initPrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function initSessionTimeout() {
    var dialog = document.getElementById("session-timeout");
    if (!dialog || typeof dialog.showModal !== "function") {
      return;
    }
    var idle = Number(dialog.dataset.idleSeconds) * 1000;
    var warn = Number(dialog.dataset.warnSeconds) * 1000;
    var warnTimer = null;
    var endTimer = null;
    var returnFocusTo = null;

    function schedule() {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      warnTimer = setTimeout(function () {
        returnFocusTo = document.activeElement;
        dialog.showModal();
        var button = dialog.querySelector("[data-continue]");
        if (button) { button.focus(); }
      }, Math.max(idle - warn, 0));
      endTimer = setTimeout(function () {
        window.location.assign(dialog.dataset.expiredUrl);
      }, idle);
    }

    function closeDialog() {
      if (dialog.open) { dialog.close(); }
      if (returnFocusTo && typeof returnFocusTo.focus === "function") { returnFocusTo.focus(); }
    }

    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(dialog.dataset.keepAliveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": dialog.dataset.csrf, "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("keep-alive " + response.status); }
        closeDialog();
        schedule();
      }).catch(function () {
        window.location.assign(dialog.dataset.expiredUrl);
      });
    });
    dialog.addEventListener("cancel", function (event) {
      // Escape means "I am still here", the same as Continue.
      event.preventDefault();
      dialog.querySelector("form").requestSubmit();
    });
    schedule();
  }

  document.addEventListener("DOMContentLoaded", function () {
    initSessionTimeout();
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      try { window.DKFDS.init(); } catch (e) { /* enhancement only */ }
    }
    focusErrorSummary();
    linkErrorSummaryToFields();
    initPrintButtons();
  });
})();
