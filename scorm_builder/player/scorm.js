/* scorm.js: the one LMS adapter. It finds the SCORM 1.2 API, makes every API call, remembers
   the values the LMS should hold and re-sends them until a commit succeeds, so a flaky LMS
   loses nothing. Without an API it plays against localStorage (standalone mode). */
(function (SB) {
  'use strict';

  SB.debug = false;
  SB.log = function () {
    if (SB.debug && typeof console !== 'undefined') {
      console.log.apply(console, ['[scorm-builder]'].concat([].slice.call(arguments)));
    }
  };

  function pad(n, w) { n = String(n); while (n.length < w) n = '0' + n; return n; }

  /* CMITimespan HHHH:MM:SS.SS (hours capped at 9999, at most 2 decimals). */
  SB.timespan = function (ms) {
    var cs = Math.max(0, Math.round((+ms || 0) / 10));
    cs = Math.min(cs, 9999 * 360000 + 359999);
    var f = cs % 100, s = Math.floor(cs / 100) % 60, m = Math.floor(cs / 6000) % 60;
    return pad(Math.floor(cs / 360000), 4) + ':' + pad(m, 2) + ':' + pad(s, 2) + (f ? '.' + pad(f, 2) : '');
  };

  /* CMITime: clock time of day, HH:MM:SS. */
  SB.clock = function (d) {
    return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2);
  };

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

  SB.findAPI = function (win) {
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
  };

  /* Standalone mode: the same API shape over localStorage (or memory when storage is off). */
  SB.localAPI = function (key) {
    var mem = {}, store = null, done = false;
    try { store = window.localStorage; mem = JSON.parse(store.getItem(key) || '{}') || {}; } catch (e) { store = null; }
    var entry = mem['cmi.core.exit'] === 'suspend' ? 'resume' : '';
    var ro = { 'cmi.core.entry': entry, 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'no-credit', 'cmi.core.student_name': '' };
    function save() { try { if (store) store.setItem(key, JSON.stringify(mem)); } catch (e) { SB.log('localStorage', e); } }
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
  };

  /* Codes that will not change on retry: the value itself is refused, so drop it. */
  var PERMANENT = { '201': 1, '401': 1, '402': 1, '403': 1, '404': 1, '405': 1 };
  var BASE_DELAY = 1000, MAX_DELAY = 30000;

  var lms = SB.lms = {
    api: null,
    standalone: false,
    phase: 0,          // 0 not initialized, 1 running, 2 finished
    failing: false,    // last attempt to save failed: the learner sees a warning
    vals: {},          // element -> value the LMS should hold
    dirty: {},         // elements not yet accepted by the LMS
    queue: [],         // interactions not yet committed: {n, pairs}
    sent: [],          // interactions set but not yet committed
    onChange: null,    // function (failing) called when saving fails or recovers
    onLateStart: null  // function () when LMSInitialize succeeds only on a retry
  };
  var MAX_WAIT = 5000;  // typing postpones a commit, but not beyond this
  var timer = null, due = 0, firm = false, since = 0, delay = BASE_DELAY, debounce = 500;

  function lastError() {
    try { return String(lms.api.LMSGetLastError()); } catch (e) { return '101'; }
  }

  function call(fn, arg) {
    var r;
    try { r = lms.api[fn](arg); } catch (e) { SB.log(fn, 'threw', e); return false; }
    if (String(r) === 'true') return true;
    var code = lastError();
    SB.log(fn, 'returned', r, 'error', code);
    return code === '0';
  }

  lms.get = function (el) {
    if (lms.phase !== 1) return '';
    var v;
    try { v = lms.api.LMSGetValue(el); } catch (e) { SB.log('LMSGetValue', el, 'threw', e); return ''; }
    v = v == null ? '' : String(v);
    if (v === '') {
      var code = lastError();
      if (code !== '0') SB.log('LMSGetValue', el, 'error', code);
    }
    return v;
  };

  /* true: accepted; false: try again later; 'drop': the LMS refuses this value for good. */
  function set(el, v) {
    var r;
    try { r = lms.api.LMSSetValue(el, String(v)); } catch (e) { SB.log('LMSSetValue', el, 'threw', e); return false; }
    if (String(r) === 'true') return true;
    var code = lastError();
    if (code === '0') return true;  // NOTES 4: "false" with error 0 is a success
    SB.log('LMSSetValue', el, v, 'error', code);
    return PERMANENT[code] ? 'drop' : false;
  }

  lms.start = function (key) {
    if (!lms.api) {
      lms.api = SB.findAPI(window);
      if (!lms.api) { lms.standalone = true; lms.api = SB.localAPI(key); }
    }
    return lms.init();
  };

  lms.init = function () {
    if (lms.phase !== 0) return lms.phase === 1;
    if (!call('LMSInitialize', '')) { failed(); return false; }
    lms.phase = 1;
    lms.startedAt = Date.now();
    return true;
  };

  /* Element values are kept in insertion order, so an objective's id is written before its score. */
  lms.put = function (el, v) {
    v = v == null ? '' : String(v);
    if (lms.vals[el] === v && !(el in lms.dirty)) return;
    lms.vals[el] = v;
    lms.dirty[el] = 1;
  };

  lms.append = function (n, pairs) { lms.queue.push({ n: n, pairs: pairs }); };

  function flush() {
    var ok = true, el, r;
    for (el in lms.dirty) {
      r = set(el, lms.vals[el]);
      if (r) delete lms.dirty[el]; else ok = false;
    }
    while (ok && lms.queue.length) {
      var it = lms.queue[0];
      for (var i = 0; i < it.pairs.length && ok; i++) {
        r = set('cmi.interactions.' + it.n + '.' + it.pairs[i][0], it.pairs[i][1]);
        if (r === 'drop' && i === 0) break;  // the LMS keeps no interactions (401) or refuses this one
        if (!r) ok = false;
      }
      if (ok) lms.sent.push(lms.queue.shift());
    }
    return ok;
  }

  /* After a failure the LMS may have lost anything since the last good commit: send it all again. */
  function failed() {
    if (!lms.failing) {
      lms.failing = true;
      for (var el in lms.vals) lms.dirty[el] = 1;
      if (lms.onChange) lms.onChange(true);
    }
    lms.queue = lms.sent.concat(lms.queue);
    lms.sent = [];
    schedule(delay);
    delay = Math.min(delay * 2, MAX_DELAY);
  }

  lms.commit = function () {
    clearTimeout(timer); timer = null;
    if (lms.phase === 0) {
      if (lms.init()) { if (lms.onLateStart) lms.onLateStart(); } else return false;
    }
    if (lms.phase !== 1) return false;
    var t0 = Date.now();
    if (!(flush() && call('LMSCommit', ''))) { failed(); return false; }
    // A slow LMS gets fewer commits, so navigation stays quick.
    debounce = Math.min(Math.max(500, (Date.now() - t0) * 4), 10000);
    lms.sent = [];
    delay = BASE_DELAY;
    if (lms.failing) { lms.failing = false; if (lms.onChange) lms.onChange(false); }
    return true;
  };

  function schedule(ms) {
    clearTimeout(timer);
    due = Date.now() + ms;
    timer = setTimeout(lms.commit, ms);
  }

  /* Something changed. Without `ms`: debounced, each change postpones the commit (so typing is
     not sent per keystroke), up to MAX_WAIT after the first unsent change. With `ms`: commit by
     then, and no later change moves it. A retry waiting out its backoff is left alone. */
  lms.commitSoon = function (ms) {
    if (lms.phase === 2 || (lms.failing && timer)) return;
    var now = Date.now();
    if (!timer) { since = now; firm = false; }
    if (ms != null) {
      if (!timer || now + ms < due) schedule(ms);
      firm = true;
    } else if (!firm) {
      schedule(Math.max(0, Math.min(debounce, since + MAX_WAIT - now)));
    }
  };

  /* Exactly once: everything left, then exit and this session's time, then LMSFinish.
     true when the LMS took it all. */
  lms.finish = function (exit) {
    if (lms.phase === 2) return false;
    var ok = lms.phase === 1 || lms.init();
    clearTimeout(timer); timer = null;
    if (ok) {
      ok = flush();
      set('cmi.core.exit', exit);
      set('cmi.core.session_time', SB.timespan(Date.now() - lms.startedAt));
      lms.phase = 2;
      ok = call('LMSFinish', '') && ok;
    }
    lms.phase = 2;
    return ok;
  };
})(window.SB = window.SB || {});
