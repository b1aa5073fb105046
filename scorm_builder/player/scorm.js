/* scorm.js: the SCORM 1.2 API: finds it (iframe, frames, popup), makes each call with the
   quirks real LMSes need, names what went wrong; standalone mode over localStorage. No cmi names
   and no state: those are the tracker's. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['scorm', [], function (SB) {
  'use strict';

  /* Named kinds of failure (as Spoor's ScormError). REFUSED: 201, 401-405, the value itself is
     wrong and retrying cannot help; SET: try again later. */
  var ERR = { NO_API: 'no-api', INIT: 'init-failed', REFUSED: 'value-refused', SET: 'set-failed',
              COMMIT: 'commit-failed', FINISH: 'finish-failed', TOO_BIG: 'state-too-large' };
  var PERMANENT = { '201': 1, '401': 1, '402': 1, '403': 1, '404': 1, '405': 1 };

  var debug = false;
  try { debug = /[?&]debug\b/.test(location.search) || !!window.localStorage.getItem('sbDebug'); } catch (e) { /* no storage */ }

  function log() {
    if (debug && typeof console !== 'undefined') {
      console.log.apply(console, ['[scorm-builder]'].concat([].slice.call(arguments)));
    }
  }

  function pad(n, w) { n = String(n); while (n.length < w) n = '0' + n; return n; }

  /* CMITimespan HHHH:MM:SS.SS (hours capped at 9999, at most 2 decimals). */
  function timespan(ms) {
    var cs = Math.max(0, Math.round((+ms || 0) / 10));
    cs = Math.min(cs, 9999 * 360000 + 359999);
    var f = cs % 100, s = Math.floor(cs / 100) % 60, m = Math.floor(cs / 6000) % 60;
    return pad(Math.floor(cs / 360000), 4) + ':' + pad(m, 2) + ':' + pad(s, 2) + (f ? '.' + pad(f, 2) : '');
  }

  /* CMITime: clock time of day, HH:MM:SS. */
  function clock(d) {
    return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2);
  }

  function probe(win) {
    try { return win && win.API && typeof win.API.LMSInitialize === 'function' ? win.API : null; } catch (e) { return null; }
  }

  /* The window itself, then its parents; a cross-origin frame throws and ends the walk. */
  function climb(win) {
    for (var i = 0; win && i < 500; i++) {
      var api = probe(win), up = null;
      if (api) return api;
      try { up = win.parent; } catch (e) { return null; }
      if (!up || up === win) return null;
      win = up;
    }
    return null;
  }

  function findAPI(win) {
    var api = climb(win), op = null;
    if (api) return api;
    try { op = win.opener; } catch (e) { op = null; }
    if (op) {
      api = climb(op);
      try { api = api || probe(op.top); } catch (e) { api = null; }
      if (api) return api;
    }
    try { op = win.top.opener; } catch (e) { op = null; }
    return op ? climb(op) : null;
  }

  /* Standalone mode: a stand-in LMS over localStorage (or memory when storage is off). It plays
     the LMS's side, so it knows the few cmi names an LMS fills in itself. */
  function localAPI(key) {
    var mem = {}, store = null, done = false;
    try { store = window.localStorage; mem = JSON.parse(store.getItem(key) || '{}') || {}; } catch (e) { store = null; }
    var entry = mem['cmi.core.exit'] === 'suspend' ? 'resume' : '';
    var ro = { 'cmi.core.entry': entry, 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'no-credit', 'cmi.core.student_name': '' };
    function save() { try { if (store) store.setItem(key, JSON.stringify(mem)); } catch (e) { log('localStorage', e); } }
    return {
      LMSInitialize: function () { return 'true'; },
      LMSGetValue: function (el) { return el in ro ? ro[el] : (mem[el] || ''); },
      LMSSetValue: function (el, v) { if (!done && /^cmi\.(core\.|suspend_data)/.test(el)) mem[el] = String(v); return 'true'; },
      LMSCommit: function () { save(); return 'true'; },
      LMSFinish: function () { done = true; save(); return 'true'; },
      LMSGetLastError: function () { return '0'; },
      LMSGetErrorString: function () { return ''; },
      LMSGetDiagnostic: function () { return ''; }
    };
  }

  /* One LMS connection: `api` found from `win`, or the standalone one stored under `key`. */
  function connect(win, key) {
    var api = findAPI(win), standalone = !api;
    if (standalone) { log(ERR.NO_API); api = localAPI(key); }

    function lastError() {
      try { return String(api.LMSGetLastError()); } catch (e) { return '101'; }
    }

    /* LMSInitialize, LMSCommit or LMSFinish: null when done, else the kind of failure. */
    function call(fn, kind) {
      var r;
      if (typeof api[fn] !== 'function') { log(fn, 'missing'); return kind; }
      try { r = api[fn](''); } catch (e) { log(fn, 'threw', e); return kind; }
      if (String(r) === 'true') return null;
      var code = lastError();
      log(fn, 'returned', r, 'error', code);
      return code === '0' ? null : kind;
    }

    return {
      standalone: standalone,
      has: function (fn) { return typeof api[fn] === 'function'; },
      call: call,
      get: function (el) {
        var v;
        try { v = api.LMSGetValue(el); } catch (e) { log('LMSGetValue', el, 'threw', e); return ''; }
        v = v == null ? '' : String(v);
        // Only for the log: on a slow LMS every call counts, and an unset value is normal.
        if (v === '' && debug) log('LMSGetValue', el, 'error', lastError());
        return v;
      },
      /* null when accepted, else ERR.REFUSED (drop the value) or ERR.SET (try again later). */
      set: function (el, v) {
        var r;
        try { r = api.LMSSetValue(el, String(v)); } catch (e) { log('LMSSetValue', el, 'threw', e); return ERR.SET; }
        if (String(r) === 'true') return null;
        var code = lastError();
        if (code === '0') return null;  // NOTES 4: "false" with error 0 is a success
        log('LMSSetValue', el, v, 'error', code);
        return PERMANENT[code] ? ERR.REFUSED : ERR.SET;
      }
    };
  }

  return { ERR: ERR, log: log, timespan: timespan, clock: clock, findAPI: findAPI, connect: connect };
}]);
