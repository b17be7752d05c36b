/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) {
      return;
    }
    if (window.location.hash && window.history.replaceState) {
      // A form sent after the skip link posts back to ".../#main-content"; the browser would
      // move focus to main once the page has loaded, away from the errors.
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      window.addEventListener("load", function () {
        if (document.activeElement !== summary && !summary.contains(document.activeElement)) {
          summary.focus();
        }
      });
    }
    summary.focus();
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

  // The name jobnet/web/auth/resume.py knows a form submitted by the timeout by (TIMEOUT_FIELD).
  var TIMEOUT_FIELD = "session_timeout";

  function isChanged(field) {
    if (field.disabled || !field.name) { return false; }
    if (field.type === "checkbox" || field.type === "radio") {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === "SELECT") {
      var options = Array.prototype.slice.call(field.options);
      if (field.multiple) {
        return options.some(function (option) { return option.selected !== option.defaultSelected; });
      }
      var initial = options.findIndex(function (option) { return option.defaultSelected; });
      return field.selectedIndex !== Math.max(initial, 0);
    }
    if (field.tagName === "TEXTAREA" || field.tagName === "INPUT") {
      var skipped = ["hidden", "submit", "button", "reset", "image", "file"];
      return skipped.indexOf(field.type) === -1 && field.value !== field.defaultValue;
    }
    return false;
  }

  function posts(form) {
    return (form.getAttribute("method") || "get").toLowerCase() === "post";
  }

  // The first form in main that posts and has something typed or chosen since the page came.
  // A page showing a form kept from an earlier timeout (main[data-form-resumed]) holds typing
  // that is saved nowhere yet, so its first posting form counts as changed even if untouched.
  function changedForm() {
    var forms = Array.prototype.filter.call(document.querySelectorAll("main form"), posts);
    for (var i = 0; i < forms.length; i += 1) {
      var fields = forms[i].querySelectorAll("input, select, textarea");
      if (Array.prototype.some.call(fields, isChanged)) { return forms[i]; }
    }
    var resumed = document.querySelector("main[data-form-resumed]");
    return resumed && forms.length ? forms[0] : null;
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

    // The time is up. A form being filled in is submitted, marked: the server keeps it through
    // login and shows it again (it saves nothing). Otherwise on to "your session has ended".
    function leave() {
      var form = changedForm();
      if (!form) {
        window.location.assign(dialog.dataset.expiredUrl);
        return;
      }
      var marker = document.createElement("input");
      marker.type = "hidden";
      marker.name = TIMEOUT_FIELD;
      marker.value = "1";
      form.appendChild(marker);
      // The prototype's submit: a field named "submit" cannot hide it, and no submit handler or
      // required field stops it.
      HTMLFormElement.prototype.submit.call(form);
    }

    function schedule() {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      warnTimer = setTimeout(function () {
        returnFocusTo = document.activeElement;
        dialog.showModal();
        var button = dialog.querySelector("[data-continue]");
        if (button) { button.focus(); }
      }, Math.max(idle - warn, 0));
      endTimer = setTimeout(leave, idle);
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
        // An ended session answers with a redirect (followed to a page), not the JSON answer.
        if (!response.ok || response.redirected) {
          throw new Error("keep-alive " + response.status);
        }
        closeDialog();
        schedule();
      }).catch(leave);
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
