/* progress.js: the learner's progress and what it means. The suspend_data codec (compact,
   versioned, at most 4096 characters, tolerant of anything it did not write) and the status rules.
   Pure functions: the tracker (tracker.js) holds the one state object and decides when to save. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['progress', [], function () {
  'use strict';

  var VERSION = 2, LIMIT = 4096;
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  /* seen: page id -> 1; cur: page id; q: quiz.js's object; n: next interaction index;
     t: [best score, 1 if any attempt passed] once a test was taken, else null. */
  function fresh() { return { cur: null, seen: {}, q: {}, n: 0, t: null }; }

  function bits(flags) {
    var out = '';
    for (var i = 0; i < flags.length; i += 6) {
      var v = 0;
      for (var j = 0; j < 6; j++) if (flags[i + j]) v |= 1 << j;
      out += B64.charAt(v);
    }
    return out;
  }

  function unbits(str, i) { return (B64.indexOf(str.charAt(i / 6 | 0)) >> (i % 6)) & 1; }

  /* Names the page sequence, so a bitset over it maps only onto the same sequence. */
  function seqHash(pages) {
    var h = 0x811c9dc5;
    for (var i = 0; i < pages.length; i++) {
      var k = pages[i].key + ',';
      for (var j = 0; j < k.length; j++) h = Math.imul(h ^ k.charCodeAt(j), 16777619);
    }
    return (h >>> 0).toString(36);
  }

  function keyOf(data, id) {
    for (var i = 0; i < data.pages.length; i++) if (data.pages[i].id === id) return data.pages[i].key;
    return '';
  }

  /* Seen pages go by key when that fits (it survives added, removed and reordered pages),
     else as a bitset over the page order plus the order's hash. null: nothing fits. */
  function encode(st, data) {
    var keys = [], flags = [];
    data.pages.forEach(function (p) {
      var s = !!st.seen[p.id];
      flags.push(s);
      if (s) keys.push(p.key);
    });
    var o = { v: VERSION, b: data.build, c: keyOf(data, st.cur), n: st.n, t: st.t, q: st.q, k: keys.join(',') };
    var s = JSON.stringify(o);
    if (s.length <= LIMIT) return s;
    delete o.k;
    o.h = seqHash(data.pages);
    o.s = bits(flags);
    s = JSON.stringify(o);
    if (s.length <= LIMIT) return s;
    return null;
  }

  /* Version 1 spelled names out and listed keys in an array. */
  var MIGRATE = {
    1: function (o) {
      return { v: 2, b: o.build, c: o.page, n: o.next, t: null, q: o.quiz,
               k: Array.isArray(o.seen) ? o.seen.join(',') : '' };
    }
  };

  function isObj(x) { return !!x && typeof x === 'object' && !Array.isArray(x); }

  /* The state in `str`, mapped onto this build's pages; null when it is not ours or unreadable. */
  function decode(str, data) {
    var o;
    try { o = JSON.parse(str); } catch (e) { return null; }
    if (!isObj(o)) return null;
    while (isObj(o) && o.v !== VERSION && MIGRATE[o.v]) o = MIGRATE[o.v](o);
    if (!isObj(o) || o.v !== VERSION) return null;
    var st = fresh(), byKey = {}, pages = data.pages;
    pages.forEach(function (p) { byKey[p.key] = p.id; });
    if (typeof o.k === 'string') {
      o.k.split(',').forEach(function (k) { if (byKey.hasOwnProperty(k)) st.seen[byKey[k]] = 1; });
    } else if (typeof o.s === 'string' && o.h === seqHash(pages)) {
      pages.forEach(function (p, i) { if (unbits(o.s, i)) st.seen[p.id] = 1; });
    }
    if (typeof o.c === 'string' && byKey.hasOwnProperty(o.c)) st.cur = byKey[o.c];
    if (typeof o.n === 'number' && o.n >= 0 && o.n % 1 === 0) st.n = o.n;
    if (Array.isArray(o.t) && typeof o.t[0] === 'number' && o.t[0] >= 0 && o.t[0] <= 100) st.t = [o.t[0], o.t[1] ? 1 : 0];
    if (isObj(o.q)) st.q = o.q;
    st.changed = o.b !== data.build;  // for quiz.js: questions may have changed since q was saved
    return st;
  }

  /* lesson_status for a course's completion rule; a failed retry never undoes a pass. */
  function statusFor(completion, allSeen, t) {
    var pass = !!(t && t[1]);
    if (completion === 'test') return !t ? 'incomplete' : pass ? 'passed' : 'failed';
    if (completion === 'pages-and-test') return t && !pass ? 'failed' : pass && allSeen ? 'passed' : 'incomplete';
    return allSeen ? 'completed' : 'incomplete';
  }

  /* A status the LMS already holds is a floor: the player never reports less than that. */
  var RANK = { incomplete: 0, failed: 1, completed: 1, passed: 2 };
  function keepBest(held, next) {
    return RANK[held] > RANK[next] ? held : next;
  }

  return { fresh: fresh, encode: encode, decode: decode, statusFor: statusFor, keepBest: keepBest };
}]);
