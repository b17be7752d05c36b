// In-page accessibility checks for the e2e suite (evaluated by Playwright, never served).
// Defines window.__a11y; every check returns plain data the Python side turns into messages.
(() => {
  if (window.__a11y) { return; }

  const FOCUSABLE = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "[tabindex]", "[contenteditable=true]", "iframe",
  ].join(",");
  const TARGETS = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "[role=button]", "[role=link]", "[role=checkbox]", "[role=radio]", "[role=tab]",
  ].join(",");

  function describe(el) {
    if (!el || el.nodeType !== 1) { return String(el); }
    let text = el.tagName.toLowerCase();
    if (el.id) { text += "#" + el.id; }
    const classes = Array.from(el.classList).slice(0, 3);
    if (classes.length) { text += "." + classes.join("."); }
    for (const attr of ["name", "type", "href"]) {
      if (el.hasAttribute(attr)) { text += `[${attr}="${el.getAttribute(attr).slice(0, 60)}"]`; }
    }
    const words = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    if (words) { text += ` "${words.replace(/\s+/g, " ").slice(0, 50)}"`; }
    return text;
  }

  function rendered(el) {
    if (!el.getClientRects().length) { return false; }
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && !el.closest("dialog:not([open]), [hidden], [inert]");
  }

  function visuallyHidden(el) {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) { return true; }
    const style = getComputedStyle(el);
    return style.clipPath === "inset(50%)" || style.clip === "rect(0px, 0px, 0px, 0px)" ||
      style.opacity === "0";
  }

  function headingLevel(el) {
    const match = /^H([1-6])$/.exec(el.tagName);
    if (match) { return Number(match[1]); }
    return Number(el.getAttribute("aria-level") || 2);
  }

  function structure() {
    const headings = Array.from(document.querySelectorAll("h1,h2,h3,h4,h5,h6,[role=heading]"))
      .filter((el) => el.getClientRects().length && !el.closest("dialog:not([open]), [hidden]"))
      .map((el) => ({ level: headingLevel(el), text: el.innerText.trim().slice(0, 80) }));
    const languageLinks = Array.from(document.querySelectorAll("a[href*='/language/']"))
      .map((a) => ({
        code: (/\/language\/([a-z]{2})/.exec(a.getAttribute("href")) || [])[1] || null,
        lang: a.getAttribute("lang"),
        hreflang: a.getAttribute("hreflang"),
        text: a.innerText.trim(),
      }));
    return {
      lang: document.documentElement.getAttribute("lang"),
      title: document.title,
      h1: document.querySelectorAll("h1").length,
      headings,
      languageLinks,
      hasSiteHeader: !!document.querySelector("header"),
      links: Array.from(document.querySelectorAll("a[href]"))
        .filter((a) => !a.hasAttribute("download"))
        .map((a) => a.href),
    };
  }

  // Inside a sideways-scrolling box that itself fits (a data table's wrapper): allowed.
  function inScroller(el, width) {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const cs = getComputedStyle(node);
      if (["auto", "scroll"].includes(cs.overflowX)) {
        return node.getBoundingClientRect().right <= width + 1;
      }
    }
    return false;
  }

  // WCAG 1.4.10: at 320 CSS px the page must not scroll sideways. Returns the offenders.
  function reflow() {
    const root = document.documentElement;
    const width = root.clientWidth;
    const overflow = Math.max(root.scrollWidth, document.body.scrollWidth) - width;
    const offenders = [];
    if (overflow > 1) {
      for (const el of document.body.querySelectorAll("*")) {
        if (!rendered(el) || visuallyHidden(el) || inScroller(el, width)) { continue; }
        const rect = el.getBoundingClientRect();
        if (rect.right > width + 1 || rect.left < -1) {
          // report the deepest offenders only
          const child = Array.from(el.children).some((c) => {
            const r = c.getBoundingClientRect();
            return rendered(c) && (r.right > width + 1 || r.left < -1);
          });
          if (!child) { offenders.push(`${describe(el)} (right edge ${Math.round(rect.right)}px)`); }
        }
        if (offenders.length >= 5) { break; }
      }
      for (const el of document.body.querySelectorAll("*")) {
        if (offenders.length || !el.getClientRects().length) { break; }
        const cs = getComputedStyle(el);
        if (ownText(el) && cs.overflowX === "visible" && el.clientWidth > 2 &&
            el.scrollWidth > el.clientWidth + 1 && !inScroller(el, width)) {
          offenders.push(`${describe(el)} (a word wider than its box: ${el.scrollWidth}px in ${el.clientWidth}px)`);
        }
      }
      for (const el of document.body.querySelectorAll("*")) {
        if (offenders.length >= 5) { break; }
        const rect = el.getBoundingClientRect();
        if (["absolute", "fixed"].includes(getComputedStyle(el).position) && rect.right > width + 1) {
          offenders.push(`${describe(el)} (positioned at ${Math.round(rect.right)}px, outside its scrolling box)`);
        }
      }
    }
    // Nothing a wide screen offers may be gone at 320 px either: the header's language link and
    // log in/out button have no other place on a narrow screen.
    const lost = Array.from(document.querySelectorAll(".header a, .header button"))
      .filter((el) => !el.closest("[hidden], .sr-only") && !el.getClientRects().length)
      .map(describe);
    return { overflow, width, offenders, lost };
  }

  function ownText(el) {
    return Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
  }

  // WCAG 1.4.12: with the text-spacing overrides no text may be clipped.
  function textSpacing() {
    // A constructed style sheet (CSSOM), which the page's Content Security Policy allows.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("* { line-height: 1.5 !important; letter-spacing: 0.12em !important;" +
      " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }");
    const before = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [...before, sheet];
    const applied = getComputedStyle(document.body).letterSpacing;
    const clipped = [];
    try {
      for (const el of document.body.querySelectorAll("*")) {
        if (!rendered(el) || visuallyHidden(el) || el.closest(".sr-only, .skipnav")) { continue; }
        if (!(el.innerText || "").trim()) { continue; }
        const cs = getComputedStyle(el);
        const clipsX = ["hidden", "clip"].includes(cs.overflowX) || cs.textOverflow === "ellipsis";
        const clipsY = ["hidden", "clip"].includes(cs.overflowY);
        const wide = el.scrollWidth > el.clientWidth + 1;
        const tall = el.scrollHeight > el.clientHeight + 1;
        if ((clipsX && wide) || (clipsY && tall)) {
          clipped.push(`${describe(el)} (scroll ${el.scrollWidth}x${el.scrollHeight}, ` +
            `box ${el.clientWidth}x${el.clientHeight}, overflow ${cs.overflowX}/${cs.overflowY})`);
        } else if (ownText(el) && cs.display !== "inline" && cs.height !== "auto" && tall &&
                   !["auto", "scroll"].includes(cs.overflowY) && el.style.height) {
          clipped.push(`${describe(el)} (text taller than its fixed height)`);
        }
        if (clipped.length >= 5) { break; }
      }
    } finally {
      document.adoptedStyleSheets = before;
    }
    if (applied === "normal" || applied === "0px") { clipped.push("the text-spacing overrides did not apply"); }
    return clipped;
  }

  function targetBox(el) {
    // A visually hidden radio or checkbox is operated through its label.
    if (el.matches("input[type=radio], input[type=checkbox]") && visuallyHidden(el) && el.labels &&
        el.labels.length) {
      return el.labels[0].getBoundingClientRect();
    }
    return el.getBoundingClientRect();
  }

  function inSentence(el) {
    if (getComputedStyle(el).display !== "inline") { return false; }
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") { block = block.parentElement; }
    if (!block) { return false; }
    const own = (el.innerText || "").trim().length;
    return (block.innerText || "").trim().length > own + 2;
  }

  // WCAG 2.5.8: targets at least 24x24 CSS px, or spaced so a 24 px circle on each touches none.
  function targetSize() {
    const boxes = [];
    for (const el of document.querySelectorAll(TARGETS)) {
      if (!rendered(el) || el.disabled) { continue; }
      if (el.matches(".skipnav") && document.activeElement !== el) { continue; }
      const isChoice = el.matches("input[type=radio], input[type=checkbox]");
      if (!isChoice && visuallyHidden(el)) { continue; }
      const rect = targetBox(el);
      if (rect.width <= 1 || rect.height <= 1) { continue; }
      boxes.push({ el, rect, small: rect.width < 23.5 || rect.height < 23.5 });
    }
    const problems = [];
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const distanceToRect = ([x, y], r) => {
      const dx = Math.max(r.left - x, 0, x - r.right);
      const dy = Math.max(r.top - y, 0, y - r.bottom);
      return Math.hypot(dx, dy);
    };
    for (const box of boxes) {
      if (!box.small || inSentence(box.el)) { continue; }
      const c = centre(box.rect);
      const crowded = boxes.some((other) => {
        if (other === box || other.el.contains(box.el) || box.el.contains(other.el)) { return false; }
        if (distanceToRect(c, other.rect) < 12) { return true; }
        return other.small && Math.hypot(c[0] - centre(other.rect)[0], c[1] - centre(other.rect)[1]) < 24;
      });
      if (crowded) {
        problems.push(`${describe(box.el)} is ${Math.round(box.rect.width)}x${Math.round(box.rect.height)}px` +
          " and too close to another target");
      }
    }
    return problems;
  }

  const AUTOFILL = new Set([
    "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix",
    "nickname", "organization-title", "username", "new-password", "current-password",
    "one-time-code", "organization", "street-address", "address-line1", "address-line2",
    "address-line3", "address-level4", "address-level3", "address-level2", "address-level1",
    "country", "country-name", "postal-code", "cc-name", "cc-given-name", "cc-additional-name",
    "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc", "cc-type",
    "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
    "bday-year", "sex", "url", "photo", "tel", "tel-country-code", "tel-national",
    "tel-area-code", "tel-local", "tel-extension", "email", "impp",
  ]);
  const PERSONAL = [
    [/e-?mail/, (t) => t === "email"],
    [/(^|[_-])(phone|telephone|tlf|telefon|mobile?|mobil|tel)([_-]|$)/, (t) => t.startsWith("tel")],
    [/(^|[_-])(given|first|fornavn)[_-]?name|fornavn/, (t) => t === "given-name"],
    [/(^|[_-])(family|last|sur)[_-]?name|efternavn/, (t) => t === "family-name"],
    [/^(full_?name|navn)$/, (t) => t === "name"],
    // a bare "name" is the person's name only when its label says so (not "name of the course")
    [/^name$/, (t) => t === "name", (el) => /^(dit |your |fulde |full )?(navn|name)\b/i.test(
      ((el.labels && el.labels[0] && el.labels[0].innerText) || "").trim()) &&
      !/\b(på|of|for)\b/i.test((el.labels && el.labels[0] && el.labels[0].innerText) || "")],
    [/(^|[_-])(street|address|adresse|vejnavn)([_-]|$)/, (t) => t.startsWith("address") || t === "street-address"],
    [/(^|[_-])(postcode|postal_code|zip|postnr|postnummer)([_-]|$)/, (t) => t === "postal-code"],
    [/(^|[_-])(city|town|bynavn)([_-]|$)/, (t) => t === "address-level2"],
  ];

  // WCAG 1.3.5: fields that collect the user's own personal data carry autocomplete tokens.
  function autocomplete() {
    const problems = [];
    for (const input of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
      if (input.matches("[type=radio], [type=checkbox], [type=submit], [type=button]")) { continue; }
      const name = `${input.name || ""} ${input.id || ""}`.toLowerCase();
      for (const [pattern, fits, personal] of PERSONAL) {
        if (!name.split(" ").some((part) => pattern.test(part))) { continue; }
        if (personal && !personal(input)) { break; }
        const tokens = (input.getAttribute("autocomplete") || "").trim().toLowerCase().split(/\s+/);
        const field = tokens[tokens.length - 1];
        if (!AUTOFILL.has(field) || !fits(field)) {
          problems.push(`${describe(input)} has autocomplete="${input.getAttribute("autocomplete") || ""}"`);
        }
        break;
      }
    }
    return problems;
  }

  // Forms a question page asks: method=post, at least one field a person fills in.
  function questionForms() {
    return Array.from(document.querySelectorAll("main form")).map((form, index) => {
      const fields = Array.from(form.elements).filter((el) =>
        el.matches("input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea"));
      return {
        index,
        method: (form.getAttribute("method") || "get").toLowerCase(),
        action: form.action,
        fields: fields.length,
      };
    });
  }

  function clearForm(index) {
    const form = document.querySelectorAll("main form")[index];
    for (const el of form.elements) {
      if (el.matches("input[type=radio], input[type=checkbox]")) { el.checked = false; }
      else if (el.matches("select")) { el.selectedIndex = -1; }
      else if (el.matches("input:not([type=hidden]):not([type=submit]):not([type=button]), textarea")) {
        el.value = "";
      }
    }
  }

  function isoDay(offset) {
    const day = new Date(Date.now() + offset * 86400000);
    return [day.getDate(), day.getMonth() + 1, day.getFullYear()];
  }

  // Fills a question form with plausible answers (dates from today + offset days).
  function fillForm(index, offset) {
    const form = document.querySelectorAll("main form")[index];
    let dateNumber = 0;
    const seenRadios = new Set();
    for (const el of form.elements) {
      if (el.matches("input[type=radio]")) {
        if (!seenRadios.has(el.name)) { el.checked = true; seenRadios.add(el.name); }
      } else if (el.matches("select")) {
        el.selectedIndex = el.options.length > 1 && !el.options[0].value ? 1 : 0;
      } else if (el.matches("textarea")) {
        el.value = el.value || "Test";
      } else if (el.matches("input[name$='-day']")) {
        const [d, m, y] = isoDay(offset + dateNumber * 3);
        dateNumber += 1;
        const base = el.name.slice(0, -4);
        el.value = String(d);
        form.querySelector(`[name='${base}-month']`).value = String(m);
        form.querySelector(`[name='${base}-year']`).value = String(y);
      } else if (el.matches("input[name$='-month'], input[name$='-year']")) {
        continue;
      } else if (el.matches("input[type=email], input[autocomplete=email]")) {
        el.value = el.value || "test@example.com";
      } else if (el.matches("input[type=tel], input[autocomplete^=tel]")) {
        el.value = el.value || "12345678";
      } else if (el.matches("input[inputmode=numeric], input[inputmode=decimal], input[type=number]")) {
        el.value = el.value || "30";
      } else if (el.matches("input[type=text], input:not([type])")) {
        el.value = el.value || "Lagerarbejder";
      }
    }
  }

  function errorState() {
    const summary = document.getElementById("error-summary");
    const links = summary ? Array.from(summary.querySelectorAll("a[href^='#']")).map((a) => a.getAttribute("href").slice(1)) : [];
    const untied = [];
    for (const message of document.querySelectorAll(".form-error-message")) {
      if (!message.id || !document.querySelector(`[aria-describedby~='${message.id}']`)) {
        untied.push(describe(message));
      }
    }
    const missingTargets = [];
    const notDescribed = [];
    for (const id of links) {
      const target = document.getElementById(id);
      if (!target) { missingTargets.push(id); continue; }
      const holders = [target, target.closest("fieldset")].filter(Boolean);
      const ids = holders.flatMap((el) => (el.getAttribute("aria-describedby") || "").split(/\s+/));
      const described = ids.some((ref) => {
        const el = ref && document.getElementById(ref);
        return el && el.classList.contains("form-error-message");
      });
      if (!described) { notDescribed.push(describe(target)); }
    }
    return {
      hasSummary: !!summary,
      focused: document.activeElement ? describe(document.activeElement) : null,
      summaryFocused: !!summary && summary.contains(document.activeElement),
      links,
      untied,
      missingTargets,
      notDescribed,
    };
  }

  function tabStops() {
    // Elements the Tab key should reach, in DOM order (one radio per group).
    const groups = new Map();
    const stops = [];
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      if (el.disabled || el.tabIndex < 0 || !rendered(el)) { continue; }
      if (el.matches("input[type=radio]")) {
        const key = `${el.form ? Array.from(document.forms).indexOf(el.form) : "-"}:${el.name}`;
        if (groups.has(key)) {
          if (el.checked) { stops[groups.get(key)] = el; }
          continue;
        }
        groups.set(key, stops.length);
      }
      stops.push(el);
    }
    if (stops.some((el) => el.tabIndex > 0)) {
      return { positiveTabindex: stops.filter((el) => el.tabIndex > 0).map(describe), stops: [] };
    }
    stops.forEach((el, i) => { el.dataset.a11yStop = String(i); });
    return { positiveTabindex: [], stops: stops.map(describe) };
  }

  // Where keyboard use starts on a freshly loaded page (the light check every page gets).
  function keyboardStart() {
    const el = document.activeElement;
    const idle = !el || el === document.body || el === document.documentElement;
    return {
      positiveTabindex: Array.from(document.querySelectorAll("[tabindex]"))
        .filter((node) => node.tabIndex > 0).map(describe),
      errorSummary: !!document.getElementById("error-summary"),
      focused: idle ? null : describe(el),
    };
  }

  function focusedLink() {
    const el = document.activeElement;
    return { href: el && el.getAttribute ? el.getAttribute("href") : null, describe: describe(el) };
  }

  function focusSignature(el) {
    const parts = [];
    const add = (node, pseudo) => {
      const cs = getComputedStyle(node, pseudo);
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 ?
        `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : "none";
      parts.push([outline, cs.boxShadow, cs.backgroundColor, cs.borderTopColor,
        cs.borderBottomColor, cs.borderBottomWidth, cs.color, cs.textDecorationLine,
        cs.textDecorationThickness].join("|"));
    };
    add(el, null);
    for (const label of el.labels || []) { add(label, "::before"); add(label, null); }
    return parts.join(" / ");
  }

  function signatures() {
    const out = {};
    for (const el of document.querySelectorAll("[data-a11y-stop]")) {
      out[el.dataset.a11yStop] = focusSignature(el);
    }
    return out;
  }

  function activeStop() {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) { return { index: null, body: true }; }
    return {
      index: el.dataset && el.dataset.a11yStop !== undefined ? Number(el.dataset.a11yStop) : null,
      body: false,
      describe: describe(el),
      signature: focusSignature(el),
    };
  }

  // Print: parts that must not print, and text that is not black on white.
  function printProblems() {
    const shown = [];
    for (const el of document.querySelectorAll("header, footer, nav, .skipnav, .back-link, button, dialog")) {
      if (el.getClientRects().length && getComputedStyle(el).visibility !== "hidden") { shown.push(describe(el)); }
    }
    const colours = [];
    const bodyBackground = getComputedStyle(document.body).backgroundColor;
    if (!["rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"].includes(bodyBackground)) {
      colours.push(`body background is ${bodyBackground}`);
    }
    for (const el of document.body.querySelectorAll("*")) {
      if (!ownText(el) || !el.getClientRects().length || visuallyHidden(el)) { continue; }
      const cs = getComputedStyle(el);
      if (cs.color !== "rgb(0, 0, 0)") { colours.push(`${describe(el)} has colour ${cs.color}`); }
      let node = el;
      while (node && node !== document.documentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (!["rgba(0, 0, 0, 0)", "rgb(255, 255, 255)", "transparent"].includes(bg)) {
          colours.push(`${describe(el)} sits on background ${bg}`);
          break;
        }
        node = node.parentElement;
      }
      if (colours.length >= 5) { break; }
    }
    return { shown, colours };
  }

  // The shape of the main content without its text: pages of one kind with the same shape
  // are the same for the checks, whoever is logged in.
  function skeleton() {
    const root = document.querySelector("main") || document.body;
    const parts = [];
    for (const el of root.querySelectorAll("*")) {
      parts.push(el.tagName + "." + Array.from(el.classList).sort().join(".") + ":" +
        (el.getAttribute("type") || "") + ":" + el.children.length);
    }
    let hash = 0;
    const text = parts.join("|");
    for (let i = 0; i < text.length; i += 1) { hash = (hash * 31 + text.charCodeAt(i)) | 0; }
    return `${parts.length}:${hash}`;
  }

  window.__a11y = {
    skeleton,
    structure, reflow, textSpacing, targetSize, autocomplete, questionForms, clearForm, fillForm,
    errorState, tabStops, signatures, activeStop, keyboardStart, focusedLink, printProblems, describe,
  };
})();
