/* scorm-builder playback: reports, in every frame, the attempts to reach outside the package that
 * no request interception sees. The blocking is done by the Content-Security-Policy, the dead
 * proxy and Chromium's flags (runtime/browser.py); this only tells Python, through the
 * __sbBlocked binding, so each attempt becomes an external-request finding.
 */
(function () {
  "use strict";
  var report = function (url) { try { window.__sbBlocked(String(url)); } catch (e) { /* binding gone */ } };
  var here = location.origin;
  var outside = function (href) {
    try { return new URL(href, location.href).origin !== here; } catch (e) { return false; }
  };

  // What the Content-Security-Policy refused (fetch, WebSocket, beacon, CSS url(), media, fonts).
  document.addEventListener("securitypolicyviolation", function (e) {
    if (/^(inline|eval|wasm-eval|trusted-types-sink)$/.test(e.blockedURI)) return;
    report(e.blockedURI || e.violatedDirective);
  }, true);

  // WebRTC never shows as a request: report every peer connection and its ICE servers.
  ["RTCPeerConnection", "webkitRTCPeerConnection"].forEach(function (name) {
    var Real = window[name];
    if (typeof Real !== "function") return;
    var Guarded = function (config) {
      var servers = ((config && config.iceServers) || []).map(function (s) { return [].concat(s.urls || s.url || []).join(" "); });
      report("webrtc:" + (servers.join(" ") || "(no ICE server)"));
      return new Real(config);
    };
    Guarded.prototype = Real.prototype;
    window[name] = Guarded;
  });

  // DNS prefetch and preconnect hints resolve or connect without a request to intercept.
  var HINTS = /(^|\s)(dns-prefetch|preconnect|prerender)(\s|$)/i;
  var seen = typeof WeakSet === "function" ? new WeakSet() : null;
  function scan(root) {
    if (!root || !root.querySelectorAll) return;
    var links = root.matches && root.matches("link") ? [root] : root.querySelectorAll("link[rel]");
    Array.prototype.forEach.call(links, function (link) {
      if (seen && seen.has(link)) return;
      if (seen) seen.add(link);
      var href = link.getAttribute("href");
      if (HINTS.test(link.getAttribute("rel") || "") && href && outside(href)) report(link.getAttribute("rel") + ":" + href);
    });
  }
  new MutationObserver(function (records) {
    records.forEach(function (r) { Array.prototype.forEach.call(r.addedNodes, scan); });
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
})();
