/*
 * A small consent manager shared by the pages of the behaviour test site.
 * It remembers the choice in its own first-party cookie `cm_consent`
 * ("all", "none", or "custom:<purposes>"; "pending" where a page records a
 * first visit) and loads the tracker's tag (`<tracker>/tag.js`) or not,
 * according to the page's settings in `window.SITE` (set before this script):
 *
 *   tracker             the tracker's origin
 *   trackBeforeChoice   load the tag on a visit with no stored choice (tracking before consent)
 *   onReject            "respect" (default) | "track" (loads the tag anyway) | "forget" (stores nothing)
 *   onReturn            "respect" (default) | "any-choice" (any stored choice, refusal too, loads the tag)
 *                       | "continued-browsing" (a return visit with no stored choice counts as consent)
 *   tcf                 null | "granted-before-choice" | "compliant": an IAB TCF v2.2 __tcfapi stub
 *   consentMode         null | "granted-default" | "compliant": Google Consent Mode commands in dataLayer
 *   tagDelayMs          load the tag before a choice this long after the load event (with trackBeforeChoice)
 *   escapeRefuses       pressing Escape closes the banner as a refusal (nothing on screen says so)
 *   languageCookie      set the site's language cookie `lang`
 *
 * Accepting always loads the tag; the pages differ only in what they do
 * without a choice, after a refusal, and on return.
 */
(function () {
  var S = window.SITE || {};
  var YEAR = 60 * 60 * 24 * 365;
  var PURPOSES = [
    { id: "analytics", label: "Analytics", text: "Count visits and see how the site is used (Google Analytics, Hotjar)." },
    { id: "ads", label: "Advertising", text: "Show personalised ads with our advertising partner, on this site and others." },
  ];

  function readChoice() {
    var m = document.cookie.match(/(?:^|;\s*)cm_consent=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
  }
  function storeChoice(value) {
    document.cookie = "cm_consent=" + encodeURIComponent(value) + "; path=/; max-age=" + YEAR / 2 + "; SameSite=Lax";
  }
  var granted = function (choice) {
    return choice === "all" || (!!choice && choice.indexOf("custom:") === 0 && choice.length > 7);
  };

  var tagLoaded = false;
  function loadTag() {
    if (tagLoaded) return;
    tagLoaded = true;
    var s = document.createElement("script");
    s.src = S.tracker + "/tag.js";
    s.async = true;
    document.head.appendChild(s);
  }

  // --- IAB TCF v2.2 stub ---------------------------------------------------
  var tcfState = { status: "cmpuishown", consent: S.tcf === "granted-before-choice" };
  function tcData() {
    var purposes = {};
    var vendors = {};
    for (var p = 1; p <= 10; p++) purposes[p] = tcfState.consent;
    if (tcfState.consent) vendors = { 1: true, 755: true, 793: true };
    return {
      tcString: tcfState.consent ? "CPzHq4APzHq4AAHABBENC-CgAP_AAH_AAAAAIrNd_X__bX9n-_7_6ft0eY1f9_r3_-QzjhfNs-8F3L_W_L0X32E7NF36tq4KmR4ku1bBIQNtHMnUDUmxaolVrzHsak2cpyNKJ_JkknsZe2dYGF9Pn9lD-YKZ7_5_9_f52T_9_9_-39z3_9f___dv_-__-vjf_599n_v9fV_78_Kf9______-____________8A" : "",
      tcfPolicyVersion: 4,
      cmpId: 999,
      cmpVersion: 1,
      gdprApplies: true,
      eventStatus: tcfState.status,
      cmpStatus: "loaded",
      listenerId: undefined,
      isServiceSpecific: true,
      useNonStandardTexts: false,
      publisherCC: "DE",
      purposeOneTreatment: false,
      purpose: { consents: purposes, legitimateInterests: {} },
      vendor: { consents: vendors, legitimateInterests: {} },
      specialFeatureOptins: {},
      publisher: { consents: {}, legitimateInterests: {}, customPurpose: { consents: {}, legitimateInterests: {} }, restrictions: {} },
    };
  }
  var tcfListeners = [];
  if (S.tcf) {
    window.__tcfapi = function (command, version, callback) {
      if (typeof callback !== "function") return;
      if (command === "ping") callback({ gdprApplies: true, cmpLoaded: true, cmpStatus: "loaded", displayStatus: tcfState.status === "cmpuishown" ? "visible" : "hidden", apiVersion: "2.2", cmpId: 999 }, true);
      else if (command === "getTCData") callback(tcData(), true);
      else if (command === "addEventListener") {
        tcfListeners.push(callback);
        var d = tcData();
        d.listenerId = tcfListeners.length;
        callback(d, true);
      } else if (command === "removeEventListener") callback(true);
      else callback(null, false);
    };
  }
  function tcfChoice(choice) {
    tcfState.consent = granted(choice);
    tcfState.status = "useractioncomplete";
    tcfListeners.forEach(function (cb, i) {
      var d = tcData();
      d.listenerId = i + 1;
      cb(d, true);
    });
  }

  // --- Google Consent Mode -----------------------------------------------
  window.dataLayer = window.dataLayer || [];
  function gtag() {
    window.dataLayer.push(arguments);
  }
  var TYPES = ["ad_storage", "analytics_storage", "ad_user_data", "ad_personalization"];
  function modeValues(choice) {
    var v = {};
    TYPES.forEach(function (t) {
      v[t] = granted(choice) ? "granted" : "denied";
    });
    return v;
  }

  // --- the page's start ---------------------------------------------------
  var choice = readChoice();
  var hasChoice = choice !== null && choice !== "pending";
  if (S.tcf && hasChoice) {
    tcfState.consent = granted(choice);
    tcfState.status = "tcloaded";
  }
  if (S.consentMode) {
    var defaults = modeValues(hasChoice ? choice : "none");
    if (S.consentMode === "granted-default" && !hasChoice) defaults.ad_storage = "granted";
    gtag("consent", "default", defaults);
    gtag("js", new Date());
  }
  if (S.languageCookie) document.cookie = "lang=en; path=/; max-age=" + YEAR + "; SameSite=Lax";

  var returning = choice === "pending";
  if (!hasChoice && S.onReject === "forget" && !returning) storeChoice("pending");
  if (hasChoice) {
    if (granted(choice) || S.onReturn === "any-choice") loadTag();
  } else {
    if (S.trackBeforeChoice && S.tagDelayMs) {
      var later = function () {
        setTimeout(loadTag, S.tagDelayMs);
      };
      if (document.readyState === "complete") later();
      else window.addEventListener("load", later);
    } else if (S.trackBeforeChoice || (returning && S.onReturn === "continued-browsing")) loadTag();
    showBanner();
  }

  function decide(value) {
    var refusal = !granted(value);
    if (!(refusal && S.onReject === "forget")) storeChoice(value);
    if (S.tcf) tcfChoice(value);
    if (S.consentMode) gtag("consent", "update", modeValues(value));
    if (!refusal || S.onReject === "track") loadTag();
    var box = document.getElementById("cm-banner");
    if (box) box.parentNode.removeChild(box);
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "cm-btn";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function showBanner() {
    var style = document.createElement("style");
    style.textContent =
      "#cm-banner{position:fixed;left:0;right:0;bottom:0;background:#fff;color:#1a1a1a;border-top:2px solid #1a1a1a;padding:20px 24px;font:16px/1.5 system-ui,sans-serif;z-index:10}" +
      "#cm-banner h2{font-size:20px;margin:0 0 8px}#cm-banner p{margin:0 0 12px;max-width:860px}" +
      ".cm-btn{font:600 16px system-ui,sans-serif;padding:10px 20px;margin:0 12px 0 0;background:#1a1a1a;color:#fff;border:2px solid #1a1a1a;border-radius:4px;cursor:pointer;min-width:140px}" +
      ".cm-row{display:flex;align-items:flex-start;gap:12px;margin:0 0 12px}.cm-row p{margin:0}" +
      ".cm-switch{width:48px;height:26px;border-radius:13px;border:2px solid #1a1a1a;background:#fff;padding:0;cursor:pointer;flex:none}" +
      ".cm-switch[aria-checked=true]{background:#1a1a1a}.cm-switch[disabled]{opacity:1;cursor:default}";
    document.head.appendChild(style);
    var box = document.createElement("div");
    box.id = "cm-banner";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "cm-title");
    var h = document.createElement("h2");
    h.id = "cm-title";
    h.textContent = "Cookies on this site";
    var p = document.createElement("p");
    p.textContent =
      "We would like to use cookies and similar technologies for analytics and personalised advertising with our partners. " +
      "They are off unless you accept. You can accept all, reject all or choose in Settings, and change your mind at any time.";
    var row = document.createElement("div");
    row.appendChild(button("Accept all", function () { decide("all"); }));
    row.appendChild(button("Reject all", function () { decide("none"); }));
    row.appendChild(button("Settings", function () { settings(box); }));
    box.appendChild(h);
    box.appendChild(p);
    box.appendChild(row);
    document.body.appendChild(box);
    if (S.escapeRefuses) {
      var onKey = function (event) {
        if (event.key !== "Escape" || !document.getElementById("cm-banner")) return;
        document.removeEventListener("keydown", onKey);
        decide("none");
      };
      document.addEventListener("keydown", onKey);
    }
  }

  function settings(box) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var h = document.createElement("h2");
    h.id = "cm-title";
    h.textContent = "Cookie settings";
    box.appendChild(h);
    var switches = [];
    var necessary = { id: "necessary", label: "Strictly necessary", text: "Keep you signed in and the site secure. Always on." };
    [necessary].concat(PURPOSES).forEach(function (purpose) {
      var row = document.createElement("div");
      row.className = "cm-row";
      var sw = document.createElement("button");
      sw.type = "button";
      sw.className = "cm-switch";
      sw.setAttribute("role", "switch");
      sw.id = "cm-" + purpose.id;
      sw.setAttribute("aria-labelledby", "cm-" + purpose.id + "-label");
      var on = purpose.id === "necessary";
      sw.setAttribute("aria-checked", String(on));
      if (on) sw.disabled = true;
      else {
        sw.addEventListener("click", function () {
          sw.setAttribute("aria-checked", String(sw.getAttribute("aria-checked") !== "true"));
        });
        switches.push({ id: purpose.id, el: sw });
      }
      var text = document.createElement("p");
      var label = document.createElement("strong");
      label.id = "cm-" + purpose.id + "-label";
      label.textContent = purpose.label;
      text.appendChild(label);
      text.appendChild(document.createTextNode(": " + purpose.text));
      row.appendChild(sw);
      row.appendChild(text);
      box.appendChild(row);
    });
    var actions = document.createElement("div");
    actions.appendChild(button("Save choices", function () {
      var on = switches.filter(function (s) { return s.el.getAttribute("aria-checked") === "true"; }).map(function (s) { return s.id; });
      decide(on.length ? "custom:" + on.join(",") : "none");
    }));
    actions.appendChild(button("Reject all", function () { decide("none"); }));
    actions.appendChild(button("Accept all", function () { decide("all"); }));
    box.appendChild(actions);
  }
})();
