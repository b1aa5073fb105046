/* scorm-builder playback: the LMS side of one launch, around scorm-again's Scorm12API.
 *
 * scorm-again is a real SCORM 1.2 runtime but deliberately lenient (NOTES.md section 13), so every
 * LMS* call is wrapped here to record it (function, arguments, result, error code, ms since
 * launch) and to flag what strict SCORM 1.2 forbids. Faults (failing or slow calls) are injected
 * here too, so the player's error handling can be tested. Python drives this through window.SBH.
 */
(function () {
  "use strict";

  var ERROR_QUERIES = { LMSGetLastError: 1, LMSGetErrorString: 1, LMSGetDiagnostic: 1 };
  var FUNCTIONS = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
                   "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];

  // Element access in SCORM 1.2 (NOTES section 6); array indices are written as "n".
  var READ_ONLY = /^cmi\.(_children|_version|core\._children|core\.student_id|core\.student_name|core\.credit|core\.entry|core\.total_time|core\.lesson_mode|core\.score\._children|launch_data|comments_from_lms|objectives\._children|objectives\._count|objectives\.n\.score\._children|student_data\..*|student_preference\._children|interactions\._children|interactions\._count|interactions\.n\.objectives\._count|interactions\.n\.correct_responses\._count)$/;
  var WRITE_ONLY = /^cmi\.(core\.exit|core\.session_time|interactions\.n\.(id|objectives\.n\.id|time|type|correct_responses\.n\.pattern|weighting|student_response|result|latency))$/;

  var TIMESPAN = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  var TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  var IDENTIFIER = /^[\x21-\x7E]{1,255}$/;
  var DECIMAL = /^-?\d+(\.\d+)?$/;
  var STATUS_SET = ["passed", "completed", "failed", "incomplete", "browsed"];
  var OBJECTIVE_STATUS = STATUS_SET.concat(["not attempted"]);
  var EXIT = ["time-out", "suspend", "logout", ""];
  var TYPES = ["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"];
  var RESULTS = ["correct", "wrong", "unanticipated", "neutral"];
  var CHAR = "[0-9a-z]";
  // Response formats per interaction type (NOTES section 7), for student_response and patterns;
  // fill-in and performance are free text, checked for length only.
  var RESPONSE = {
    "true-false": /^[01tf]$/,
    "choice": new RegExp("^" + CHAR + "(," + CHAR + ")*$"),
    "numeric": DECIMAL,
    "likert": new RegExp("^" + CHAR + "?$"),
    "matching": new RegExp("^" + CHAR + "\\." + CHAR + "(," + CHAR + "\\." + CHAR + ")*$"),
    "sequencing": new RegExp("^" + CHAR + "(," + CHAR + ")*$")
  };
  var MAX_LENGTH = { "cmi.core.lesson_location": 255, "cmi.suspend_data": 4096, "cmi.comments": 4096,
                     "cmi.student_preference.language": 255 };

  function busyWait(ms) {  // SCORM calls are synchronous, so a slow LMS blocks the caller
    var end = performance.now() + ms;
    while (performance.now() < end) { /* spin */ }
  }

  function generic(element) { return String(element).replace(/\.\d+(?=\.|$)/g, ".n"); }

  function Launch(options) {
    this.options = options;
    this.t0 = performance.now();
    this.calls = [];
    this.violations = [];
    this.state = "not-initialized";
    this.finishCount = 0;
    this.exitValue = null;
    this.interactions = {};      // n -> {type, responses: [{element, value, call}]}
    this.faults = JSON.parse(JSON.stringify(options.faults || {}));
    this.maxCalls = options.maxCalls || 10000;   // a SCO that floods the API is flagged, not recorded
    this.flooded = false;
    this.forcedError = null;
    this.finishCmi = null;
    this.commitCmi = null;
    var settings = Object.assign({ autocommit: false, lmsCommitUrl: false, logLevel: 5,
                                   mastery_override: false, dataCommitFormat: "json" },
                                 options.settings || {});
    this.api = new window.Scorm12API(settings);
    if (options.preset) this.api.loadFromJSON(options.preset);
    this.wrap();
    window.API = this.api;
  }

  Launch.prototype.now = function () { return Math.round((performance.now() - this.t0) * 10) / 10; };

  Launch.prototype.violate = function (index, rule, element, value, detail) {
    this.violations.push({ call: index, rule: rule, element: element === undefined ? null : element,
                           value: value === undefined || value === null ? null : String(value), detail: detail || "" });
  };

  /** The cmi as flat "cmi.a.b" strings, arrays as ".n." plus "._count", total_time included. */
  Launch.prototype.render = function () {
    var out = {};
    (function walk(prefix, value) {
      if (value === null || value === undefined) { out[prefix] = ""; return; }
      if (typeof value !== "object") { out[prefix] = String(value); return; }
      var keys = Object.keys(value);
      if (Array.isArray(value) || (keys.length && keys.every(function (k) { return /^\d+$/.test(k); }))) {
        out[prefix + "._count"] = String(keys.length);
      }
      keys.forEach(function (k) { walk(prefix + "." + k, value[k]); });
    })("cmi", this.api.renderCommitCMI(true).cmi);
    ["cmi.interactions._count", "cmi.objectives._count"].forEach(function (k) { if (!(k in out)) out[k] = "0"; });
    return out;
  };

  Launch.prototype.takeFault = function (fn) {
    var key = { LMSInitialize: "initialize", LMSSetValue: "setvalue", LMSCommit: "commit" }[fn];
    var fault = key && this.faults[key];
    if (!fault) return null;
    if (fault.count !== null && fault.count !== undefined) {
      if (fault.count <= 0) return null;
      fault.count -= 1;
    }
    return fault.mode;
  };

  Launch.prototype.wrap = function () {
    var self = this, api = this.api, reals = {};
    FUNCTIONS.forEach(function (fn) { reals[fn] = api[fn].bind(api); });
    FUNCTIONS.forEach(function (fn) {
      var real = reals[fn];
      api[fn] = function () {
        var args = Array.prototype.slice.call(arguments);
        if (self.calls.length >= self.maxCalls) return self.overflow(real, args);
        if (self.faults.delay) busyWait(self.faults.delay);
        if (fn === "LMSGetLastError" && self.forcedError !== null) {
          self.calls.push({ fn: fn, args: args, ret: self.forcedError, error: "0", t: self.now() });
          return self.forcedError;
        }
        var index = self.calls.length;
        var entry = { fn: fn, args: args, ret: null, error: "0", t: self.now() };
        self.calls.push(entry);
        if (!ERROR_QUERIES[fn]) { self.forcedError = null; self.checkOrder(index, fn); }
        var fault = self.takeFault(fn);
        if (fault) {
          entry.fault = fault;
          if (fault === "throw") { entry.ret = "(threw)"; throw new Error("scorm-builder injected fault: " + fn + " threw"); }
          self.forcedError = "101";
          entry.ret = "false";
          entry.error = "101";
          return "false";
        }
        if (fn === "LMSFinish") self.beforeFinish(index);
        var ret = real.apply(null, args);
        entry.ret = ret === undefined || ret === null ? ret : String(ret);
        if (!ERROR_QUERIES[fn]) {
          entry.error = String(reals.LMSGetLastError());
          if (entry.error !== "0") self.violate(index, "error-code", args[0], entry.error, fn + " set error " + entry.error);
        }
        self.afterCall(index, fn, args, entry);
        return ret;
      };
    });
  };

  /** Past the cap the API still answers, but nothing more is recorded or checked. */
  Launch.prototype.overflow = function (real, args) {
    if (!this.flooded) {
      this.flooded = true;
      this.violate(null, "call-limit", null, null, "more than " + this.maxCalls + " API calls in one launch; the rest were not recorded");
    }
    return real.apply(null, args);
  };

  Launch.prototype.checkOrder = function (index, fn) {
    if (fn === "LMSInitialize") {
      if (this.state === "running") this.violate(index, "initialize-twice", null, null, "LMSInitialize called again");
      if (this.state === "finished") this.violate(index, "after-finish", null, null, fn + " after LMSFinish");
      return;
    }
    if (this.state === "not-initialized") this.violate(index, "before-initialize", null, null, fn + " before LMSInitialize");
    else if (this.state === "finished") this.violate(index, fn === "LMSFinish" ? "finish-twice" : "after-finish", null, null, fn + " after LMSFinish");
  };

  Launch.prototype.afterCall = function (index, fn, args, entry) {
    if (fn === "LMSInitialize" && entry.ret === "true" && this.state === "not-initialized") this.state = "running";
    if (fn === "LMSGetValue") this.checkGet(index, String(args[0]));
    if (fn === "LMSSetValue") this.checkSet(index, String(args[0]), args[1] === undefined ? "" : String(args[1]));
    if (fn === "LMSCommit" && entry.ret === "true") this.commitCmi = this.render();
    if (fn === "LMSFinish") {
      this.finishCount += 1;
      if (this.state === "running" && entry.ret === "true") {
        this.state = "finished";
        this.finishCmi = this.render();
      }
    }
  };

  Launch.prototype.beforeFinish = function (index) {
    if (this.state !== "running") return;
    var status = this.api.cmi.core.lesson_status;
    var exit = this.exitValue === null ? "" : this.exitValue;
    if (status === "incomplete" && exit !== "suspend")
      this.violate(index, "exit-not-suspend", "cmi.core.exit", exit, "session ends incomplete without exit=suspend");
    if ((status === "passed" || status === "completed" || status === "failed") && exit === "suspend")
      this.violate(index, "exit-suspend-finished", "cmi.core.exit", exit, "session ends " + status + " with exit=suspend");
  };

  Launch.prototype.checkGet = function (index, element) {
    if (WRITE_ONLY.test(generic(element))) this.violate(index, "write-only", element, null, "get of a write-only element");
  };

  Launch.prototype.checkSet = function (index, element, value) {
    var g = generic(element);
    var v = this.violate.bind(this, index);
    if (READ_ONLY.test(g)) { v("read-only", element, value, "set of a read-only element"); return; }
    if (MAX_LENGTH[g] !== undefined && value.length > MAX_LENGTH[g])
      v("length", element, value.slice(0, 40) + "…", value.length + " characters, the limit is " + MAX_LENGTH[g]);
    var m;
    if (g === "cmi.core.session_time" || g === "cmi.interactions.n.latency") {
      if (!TIMESPAN.test(value)) v("timespan", element, value, "not a CMITimespan HH[HH]:MM:SS[.SS]");
    } else if (g === "cmi.interactions.n.time") {
      if (!TIME.test(value)) v("time", element, value, "not a CMITime HH:MM:SS[.SS]");
    } else if (g === "cmi.interactions.n.id" || g === "cmi.objectives.n.id" || g === "cmi.interactions.n.objectives.n.id") {
      if (!IDENTIFIER.test(value)) v("identifier", element, value, "not a CMIIdentifier (printable ASCII, no spaces)");
    } else if (g === "cmi.core.lesson_status") {
      if (value === "not attempted") v("not-attempted", element, value, "a SCO may not set not attempted");
      else if (STATUS_SET.indexOf(value) < 0) v("vocabulary", element, value, "not a lesson_status word");
    } else if (g === "cmi.objectives.n.status") {
      if (OBJECTIVE_STATUS.indexOf(value) < 0) v("vocabulary", element, value, "not a status word");
    } else if (g === "cmi.core.exit") {
      this.exitValue = value;
      if (EXIT.indexOf(value) < 0) v("vocabulary", element, value, "exit is time-out, suspend, logout or empty");
    } else if (/^cmi\.(core|objectives\.n)\.score\.(raw|min|max)$/.test(g)) {
      if (value !== "" && (!DECIMAL.test(value) || +value < 0 || +value > 100)) v("decimal", element, value, "not a decimal 0-100");
    } else if (g === "cmi.interactions.n.weighting") {
      if (!DECIMAL.test(value)) v("decimal", element, value, "not a CMIDecimal");
    } else if (g === "cmi.interactions.n.result") {
      if (value === "incorrect") v("result-incorrect", element, value, "SCORM 1.2 says wrong, not incorrect");
      else if (RESULTS.indexOf(value) < 0 && !DECIMAL.test(value)) v("vocabulary", element, value, "not a result word or decimal");
    } else if ((m = element.match(/^cmi\.interactions\.(\d+)\.type$/))) {
      if (TYPES.indexOf(value) < 0) v("vocabulary", element, value, "not a SCORM 1.2 interaction type");
      var it = this.interaction(m[1]);
      it.type = value;
      var self = this;
      it.responses.forEach(function (r) { self.checkResponse(r.call, it.type, r.element, r.value); });
      it.responses = [];
    } else if ((m = element.match(/^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/))) {
      var inter = this.interaction(m[1]);
      if (value.length > 255) v("length", element, value.slice(0, 40) + "…", value.length + " characters, the limit is 255");
      if (inter.type) this.checkResponse(index, inter.type, element, value);
      else inter.responses.push({ call: index, element: element, value: value });  // type may come later
    }
  };

  Launch.prototype.interaction = function (n) {
    return this.interactions[n] || (this.interactions[n] = { type: null, responses: [] });
  };

  Launch.prototype.checkResponse = function (index, type, element, value) {
    var re = RESPONSE[type];
    if (re && !re.test(value)) this.violate(index, "response-format", element, value, "not a SCORM 1.2 " + type + " response");
  };

  /** Called by Python when the SCO is gone: order checks that need the whole session. */
  Launch.prototype.end = function () {
    if (this.ended) return;
    this.ended = true;
    var initialized = this.calls.some(function (c) { return c.fn === "LMSInitialize"; });
    if (!initialized) this.violate(null, "no-initialize", null, null, "the SCO never called LMSInitialize");
    else if (this.finishCount === 0 && !this.flooded) this.violate(null, "no-finish", null, null, "the SCO never called LMSFinish");
  };

  Launch.prototype.report = function () {
    var live = null;
    try { live = this.render(); } catch (e) { live = null; }
    return { calls: this.calls, violations: this.violations, state: this.state, cmi: live,
             finishCmi: this.finishCmi, commitCmi: this.commitCmi };
  };

  // The harness page's entry points, called from Python with page.evaluate.
  window.SBH = {
    launch: null,
    popup: null,
    start: function (options) {
      this.launch = new Launch(options);
      var host = document.getElementById("sco-host");
      host.textContent = "";
      this.unloaded = false;
      var url = options.mode === "frames" ? "/lms/frameset?src=" + encodeURIComponent(options.url) : options.url;
      if (options.mode === "popup") {
        this.popup = window.open(options.url, "sco", "width=1024,height=768");
        return;
      }
      var frame = document.createElement("iframe");
      frame.id = "sco";
      frame.title = "SCO";
      frame.src = url;
      host.appendChild(frame);
    },
    /** Take the SCO away the way an LMS does when the learner leaves: navigate away / close. */
    unload: function () {
      var self = this;
      if (this.popup) {
        if (!this.popup.closed) this.popup.close();
        return;
      }
      var frame = document.getElementById("sco");
      if (!frame) return;
      frame.addEventListener("load", function () { self.unloaded = true; });
      frame.src = "about:blank";
    },
    /** Abrupt close: remove the frame (no beforeunload fires in the SCO). */
    remove: function () {
      var frame = document.getElementById("sco");
      if (frame) frame.remove();
      this.unloaded = true;
    },
    gone: function () {
      if (this.popup) return this.popup.closed;
      return this.unloaded || !document.getElementById("sco");
    },
    end: function () { this.launch.end(); return this.launch.report(); },
    report: function () { return this.launch.report(); }
  };
})();
