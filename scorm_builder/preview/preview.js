/* scorm-builder preview page: launches the course in the runtime's LMS (window.SBH from
 * conformance.js), shows its SCORM calls and cmi live, and relaunches it after every rebuild.
 * This script belongs to the preview page only; packages never contain it.
 */
(function () {
  "use strict";

  var S = JSON.parse(document.getElementById("sb-preview-config").textContent).strings;
  var KEY_CMI = ["cmi.core.lesson_status", "cmi.core.score.raw", "cmi.student_data.mastery_score",
                 "cmi.core.lesson_location", "cmi.core.entry", "cmi.core.exit", "cmi.core.session_time",
                 "cmi.interactions._count", "cmi.suspend_data"];
  var POLL_MS = 700, PANEL_MS = 300, UNLOAD_MS = 3000, UNLOAD_STEP_MS = 10;   // POLL_MS: retry when the server is away
  var build = 0, scos = [], scoId = null, shownCalls = 0, busy = false;
  var record = {};   // sco id -> what the LMS keeps for the next launch (cmi and whether it finished)

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }

  function fill(list, items) {
    var ol = $(list);
    ol.textContent = "";
    items.forEach(function (item) { var li = document.createElement("li"); li.textContent = item; ol.appendChild(li); });
  }

  function rows(tbody, pairs) {
    tbody.textContent = "";
    pairs.forEach(function (p) {
      var tr = tbody.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = p[0];
      tr.appendChild(th);
      tr.insertCell().textContent = p[1];
    });
  }

  /** The page the learner is on (its section id), so a rebuild comes back to it. */
  function currentPage() {
    try {
      var doc = $("sco").contentDocument;
      var shown = doc && doc.querySelector("section.sb-page:not([hidden])");
      return shown ? shown.id : "";
    } catch (e) { return ""; }
  }

  /** End the open launch the way an LMS does (navigate the SCO away), then call back with its report. */
  function endLaunch(done) {
    if (!window.SBH.launch) { done(null); return; }
    window.SBH.unload();
    var waited = 0;
    (function wait() {
      if (window.SBH.gone() || waited >= UNLOAD_MS) {
        done(window.SBH.end());
        return;
      }
      waited += UNLOAD_STEP_MS;
      setTimeout(wait, UNLOAD_STEP_MS);
    })();
  }

  function launch(kind) {   // "fresh": a new learner; "resume": the same learner comes back
    var sco = scos.filter(function (s) { return s.id === scoId; })[0] || scos[0];
    if (!sco || busy) return;
    busy = true;
    var page = kind === "reload" ? currentPage() : "";
    endLaunch(function (report) {
      if (report && (report.finishCmi || report.commitCmi)) {
        record[sco.id] = { cmi: report.finishCmi || report.commitCmi, finished: !!report.finishCmi };
      }
      var kept = kind === "resume" ? record[sco.id] || { cmi: null, finished: false } : { cmi: null, finished: false };
      if (kind !== "resume") delete record[sco.id];
      fetch("/preview/launch", { method: "POST", headers: { "Content-Type": "application/json" },
                                 body: JSON.stringify({ sco: sco.id, cmi: kept.cmi, finished: kept.finished }) })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          shownCalls = 0;
          $("sbp-calls").textContent = "";
          window.SBH.start({ url: "/pkg/" + sco.href + (page ? "#" + page : ""), mode: "iframe",
                             preset: answer.preset, faults: {} });
          text("sbp-status", S["launched_" + kind].replace("{build}", build).replace("{entry}", answer.entry || "\u2014"));
        })
        .finally(function () { busy = false; });
    });
  }

  function showScos(list) {
    scos = list;
    if (!scos.some(function (s) { return s.id === scoId; })) scoId = scos.length ? scos[0].id : null;
    var select = $("sbp-sco");
    select.textContent = "";
    scos.forEach(function (s) { select.add(new Option(s.title, s.id, false, s.id === scoId)); });
    $("sbp-sco-row").hidden = scos.length < 2;
  }

  /** Asks for the first build newer than the one shown: the server answers as soon as there is
   * one (or after a while without), and the next question goes out at once. */
  function poll() {
    var retry = 0;
    fetch("/preview/state?after=" + build, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.build === build) return;
        var first = build === 0;
        build = state.build;
        text("sbp-errors-text", state.report);
        $("sbp-errors").hidden = state.ok;
        if (!state.ok) { text("sbp-status", S.failed.replace("{build}", build)); return; }
        showScos(state.scos);
        launch(first ? "fresh" : "reload");
      })
      .catch(function () { text("sbp-status", S.offline); retry = POLL_MS; })
      .finally(function () { setTimeout(poll, retry); });
  }

  function describe(call) {
    var args = call.args.map(function (a) { return JSON.stringify(a); }).join(", ");
    var line = call.t + " ms  " + call.fn + "(" + args + ") \u2192 " + JSON.stringify(call.ret);
    return call.error && call.error !== "0" ? line + "  [" + S.error_code + " " + call.error + "]" : line;
  }

  function panel() {
    var launchNow = window.SBH.launch;
    if (launchNow) {
      var report = window.SBH.report();
      var cmi = report.cmi || {};
      rows($("sbp-cmi").tBodies[0], KEY_CMI.map(function (k) { return [k, cmi[k] === undefined ? "" : cmi[k]]; }));
      rows(document.querySelector("#sbp-cmi-all tbody"), Object.keys(cmi).sort().map(function (k) { return [k, cmi[k]]; }));
      var ol = $("sbp-calls");
      report.calls.slice(shownCalls).forEach(function (c) {
        var li = document.createElement("li");
        li.textContent = describe(c);
        if (c.error && c.error !== "0") li.className = "sbp-bad";
        ol.insertBefore(li, ol.firstChild);   // newest first
      });
      shownCalls = report.calls.length;
      fill("sbp-violations", report.violations.length ? report.violations.map(function (v) {
        return v.rule + ": " + (v.element || "") + (v.value !== null ? " = " + v.value : "") + " (" + v.detail + ")";
      }) : [S.no_violations]);
      $("sbp-violations").className = report.violations.length ? "sbp-bad" : "sbp-none";
    }
    setTimeout(panel, PANEL_MS);
  }

  function boot() {
    ["panel_title", "cmi_title", "cmi_all_title", "violations_title", "calls_title", "errors_title", "sco_label"]
      .forEach(function (k) { text("sbp-" + k.replace(/_/g, "-"), S[k]); });
    text("sbp-reset", S.reset);
    text("sbp-resume", S.resume);
    text("sbp-collapse", S.collapse);
    $("sbp-collapse").addEventListener("click", function () {   // on a phone: the course gets the room
      var open = $("sbp-collapse").getAttribute("aria-expanded") !== "true";
      $("sbp-collapse").setAttribute("aria-expanded", String(open));
      $("sbp-body").hidden = !open;
    });
    $("sbp-reset").addEventListener("click", function () { record = {}; launch("fresh"); });
    $("sbp-resume").addEventListener("click", function () { launch("resume"); });
    $("sbp-sco").addEventListener("change", function (e) { scoId = e.target.value; launch("fresh"); });
    poll();
    panel();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
