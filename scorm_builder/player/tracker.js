/* tracker.js: the one link to the LMS (as Spoor's ScormWrapper): every cmi name, the learner's
   state (SB.state, written only here), what the LMS should hold, and the queue. SCORM calls are
   synchronous and a slow LMS takes seconds each, so none is made on the interaction path: a pump
   makes them later, giving the page back after SLICE ms per task. See docs/player.md. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['tracker', ['scorm', 'progress'], function (SB) {
  'use strict';

  var P = SB.progress, ERR = SB.scorm.ERR, log = SB.scorm.log;
  var ENTRY = 'cmi.core.entry', LOCATION = 'cmi.core.lesson_location', SUSPEND = 'cmi.suspend_data',
      NAME = 'cmi.core.student_name', MODE = 'cmi.core.lesson_mode', STATUS = 'cmi.core.lesson_status',
      MASTERY = 'cmi.student_data.mastery_score', COUNT = 'cmi.interactions._count',
      SCORE = 'cmi.core.score.', OBJECTIVE = 'cmi.objectives.0.', INTERACTION = 'cmi.interactions.';
  var READS = [ENTRY, LOCATION, SUSPEND, NAME, MODE, STATUS, MASTERY, COUNT];
  var SLICE = 30, PAINT = 50;    // ms of calls per task; ms to paint the first page before more
  var BASE_DELAY = 1000, MAX_DELAY = 30000, MAX_WAIT = 5000;

  var lms = null, data = null, hooks = null;
  var st = SB.state = P.fresh();
  var phase = 0;                 // 0 no session, 1 open, 2 finished
  var initDue = false, info = {}, reading = [], adopted = false, held = '', graded = true, startedAt = 0;
  var vals = {}, dirty = {};     // what the LMS should hold (in insertion order); not accepted yet
  var queue = [], sent = [];     // interactions {n, pairs}: not yet set; set but not committed
  var uncommitted = false;       // progress was set since the last good commit
  var failing = false;           // a save failed and no commit has succeeded since
  var round = null, want = false, ending = false, busyNow = false;
  var pumpTimer = null, timer = null, due = 0, firm = false, since = 0, delay = BASE_DELAY, debounce = 500;

  function tell(hook, a, b) { if (hooks && hooks[hook]) hooks[hook](a, b); }

  function busy(on) { if (on !== busyNow) { busyNow = on; tell('busy', on); } }

  /* Calls until done or (unless `all`) this task's slice is used; clicks and paint come between. */
  function pump(all) {
    clearTimeout(pumpTimer); pumpTimer = null;
    var t0 = Date.now();
    while (step()) {
      if (!all && Date.now() - t0 > SLICE) {
        if (hooks || ending) later();  // before boot, parsing the launch page comes first
        if (round) busy(true);
        return;
      }
    }
    busy(false);
  }

  /* The pump in a task of its own, so what the learner did is painted first. */
  function later(ms) { if (!pumpTimer) pumpTimer = setTimeout(pump, ms || 0); }

  /* One call (or one decision); false when nothing is left to do for now. */
  function step() {
    if (!lms || phase === 2) return false;
    if (phase === 0) return initDue && open1();
    if (reading.length) { var el = reading.shift(); info[el] = lms.get(el); return true; }
    if (!adopted) return (!!hooks || ending) && adopt();
    if (!round) {
      if (ending) round = finalRound();
      else if (want) { want = false; round = commitRound(); }
      return !!round;
    }
    var op = round.shift();
    if (!op) round = null;
    else op();
    return true;
  }

  function open1() {
    initDue = false;
    var e = lms.call('LMSInitialize', ERR.INIT);
    if (!e) {
      phase = 1;
      startedAt = Date.now();
      reading = READS.slice();
      return true;
    }
    if (ending) { phase = 2; tell('done', false); } else failed(e);
    return false;
  }

  /* What the LMS said at start, merged into what the learner may have done meanwhile. */
  function adopt() {
    adopted = true;
    if (!data.pages) { graded = false; return true; }  // gone before the course file ran: change nothing
    held = info[STATUS] || '';
    if (held !== 'not attempted') { vals[STATUS] = held; delete dirty[STATUS]; }  // no need to send it again
    graded = info[MODE] !== 'browse' && info[MODE] !== 'review';
    var m = parseFloat(info[MASTERY]);
    if (/^\d+(\.\d+)?$/.test(info[MASTERY]) && m <= 100) {
      data.mastery = m;
      if (data.test) data.test.passMark = m;
    }
    var old = info[SUSPEND] ? P.decode(info[SUSPEND], data) : null;
    if (!old && hasPage(info[LOCATION])) { old = P.fresh(); old.cur = info[LOCATION]; }
    if (old) {
      for (var id in old.seen) st.seen[id] = 1;
      if (old.t) st.t = st.t ? [Math.max(st.t[0], old.t[0]), st.t[1] || old.t[1]] : old.t;
      if (!Object.keys(st.q).length) { st.q = old.q; st.changed = old.changed; }
      if (!st.cur) st.cur = old.cur;
    }
    // Interactions cannot be read back: append after what the LMS (or our state) already has.
    var n = /^\d+$/.test(info[COUNT]) ? +info[COUNT] : old ? old.n : 0;
    queue.forEach(function (it) { it.n = n++; });
    st.n = n;
    report();
    var resume = old && old.cur && (info[ENTRY] === 'resume' || info[LOCATION] || info[SUSPEND]) ? old.cur : null;
    tell('ready', { resume: resume, learner: info[NAME] || '' });
    return true;
  }

  function hasPage(id) { return data.pages.some(function (p) { return p.id === id; }); }

  function put(el, v) {
    v = v == null ? '' : String(v);
    if (vals[el] === v && !(el in dirty)) return;
    vals[el] = v;
    dirty[el] = 1;
  }

  function mastery() { return typeof data.mastery === 'number' ? data.mastery : null; }

  function status() {
    var allSeen = data.pages.every(function (p) { return st.seen[p.id]; });
    return P.keepBest(held, P.statusFor(data.completion, allSeen, st.t));
  }

  /* Puts everything the LMS should hold; a round sends only what changed. */
  function report() {
    if (!data.pages) return;
    var s = P.encode(st, data);
    if (s == null) log(ERR.TOO_BIG, 'keeping the previous suspend_data'); else put(SUSPEND, s);
    if (st.cur) put(LOCATION, st.cur);
    if (!graded) return;
    var now = status();
    put(STATUS, now);
    if (!st.t) return;
    var raw = String(st.t[0]);
    put(OBJECTIVE + 'id', asciiId(data.test ? data.test.id : 'test'));
    put(OBJECTIVE + 'score.min', '0');
    put(OBJECTIVE + 'score.max', '100');
    put(OBJECTIVE + 'score.raw', raw);
    put(OBJECTIVE + 'status', st.t[1] ? 'passed' : 'failed');
    // A raw score while still incomplete would let the LMS's mastery rule call it passed early.
    if (now === 'incomplete') return;
    put(SCORE + 'min', '0');
    put(SCORE + 'max', '100');
    put(SCORE + 'raw', raw);
  }

  function asciiId(s) { return String(s).normalize('NFD').replace(/[^\w.-]/g, ''); }

  function sends(r) {
    var ops = Object.keys(dirty).map(function (el) { return function () { sendValue(r, el); }; });
    queue.forEach(function (it) {
      it.pairs.forEach(function (p, i) { ops.push(function () { sendPair(r, it, i); }); });
    });
    return ops;
  }

  function commitRound() {
    var r = { ok: true }, ops = sends(r);
    if (!ops.length && !uncommitted && !failing) return null;  // nothing new to confirm
    ops.push(function () { commitOp(r); });
    return ops;
  }

  /* Everything left, then exit and this session's time, then LMSFinish, exactly once. */
  function finalRound() {
    report();
    // Unfinished means resumable: the LMS keeps the bookmark and suspend_data for next time.
    var exit = /^(passed|completed|failed)$/.test(graded ? status() : held) ? '' : 'suspend';
    var r = { ok: true }, ops = sends(r);
    ops.push(function () { lms.set('cmi.core.exit', exit); });
    ops.push(function () { lms.set('cmi.core.session_time', SB.scorm.timespan(Date.now() - startedAt)); });
    ops.push(function () { finishOp(r); });
    return ops;
  }

  function sendValue(r, el) {
    if (!(el in dirty)) return;
    var e = lms.set(el, vals[el]);
    if (e === ERR.SET) { r.ok = false; return; }
    delete dirty[el];  // accepted, or refused for good (e.g. 405): retrying cannot help
    if (!e) uncommitted = true;
  }

  function sendPair(r, it, i) {
    if (r.halt || queue.indexOf(it) < 0) return;
    var e = lms.set(INTERACTION + it.n + '.' + it.pairs[i][0], it.pairs[i][1]);
    if (e === ERR.REFUSED && i === 0) { drop(it); return; }  // no interactions kept (401), or not this one
    if (e === ERR.SET) { r.ok = false; r.halt = true; return; }  // indexes must stay in order
    if (i === it.pairs.length - 1) { drop(it); sent.push(it); uncommitted = true; }
  }

  function drop(it) { queue.splice(queue.indexOf(it), 1); }

  function commitOp(r) {
    if (!r.ok) { failed(ERR.SET); return; }
    var t0 = Date.now(), e = lms.call('LMSCommit', ERR.COMMIT);
    if (e) { failed(e); return; }
    // A slow LMS gets fewer commits.
    debounce = Math.min(Math.max(500, (Date.now() - t0) * 4), 10000);
    sent = [];
    uncommitted = false;
    delay = BASE_DELAY;
    if (failing) { failing = false; tell('change', false); }
  }

  /* No LMSFinish: a last LMSCommit instead. If finishing fails, "not saved" only when progress
     is unconfirmed (set since the last good commit, or a commit failed for good). */
  function finishOp(r) {
    var e = lms.has('LMSFinish') ? lms.call('LMSFinish', ERR.FINISH) : lms.call('LMSCommit', ERR.FINISH);
    phase = 2;
    if (e) log(e);
    else uncommitted = failing = false;
    tell('done', r.ok && !failing && !uncommitted);
  }

  /* The LMS may have lost anything since the last good commit: send it all again. */
  function failed(kind) {
    log(kind);
    if (!failing) {
      failing = true;
      for (var el in vals) dirty[el] = 1;
      tell('change', true, kind);
    }
    queue = sent.concat(queue);
    sent = [];
    if (ending) return;  // the final round comes next and sends it all again
    schedule(delay);
    delay = Math.min(delay * 2, MAX_DELAY);
  }

  function schedule(ms) {
    clearTimeout(timer);
    due = Date.now() + ms;
    timer = setTimeout(kick, ms);
  }

  function kick() {
    timer = null;
    want = true;
    if (phase === 0) initDue = true;
    pump();
  }

  /* Without `ms`: each change postpones the commit (typing is not sent per keystroke), up to
     MAX_WAIT after the first. With `ms`: commit by then, whatever follows. A retry keeps its time. */
  function commitSoon(ms) {
    if (phase === 2 || ending || (failing && timer)) return;
    var now = Date.now();
    if (!timer) { since = now; firm = false; }
    if (ms != null) {
      if (!timer || now + ms < due) schedule(ms);
      firm = true;
    } else if (!firm) {
      schedule(Math.max(0, Math.min(debounce, since + MAX_WAIT - now)));
    }
  }

  function save() { report(); commitSoon(); }

  return {
    /* From <head>, while a long launch page is still parsed: find the LMS, LMSInitialize. */
    open: function (course, win) {
      if (lms) return;
      data = course;
      // standalone progress is kept per variant: a level, when declared, is part of the key
      lms = SB.scorm.connect(win || window, ['sb', data.course, data.audience || '', data.sco || ''].join(':') +
                             (data.level ? ':' + data.level : ''));
      initDue = true;
      pump();
    },

    /* From boot. hooks: ready({resume, learner}), change(failing, kind), busy(on), done(saved);
       ready comes at once, on a fresh state, when LMSInitialize failed. */
    start: function (h) {
      hooks = h;
      if (phase === 0 && !initDue) {
        if (failing) tell('change', true, ERR.INIT);
        tell('ready', { resume: null, learner: '' });
      }
      if (phase === 1 && !reading.length && !adopted) adopt();  // a quick LMS: the right page at once
      else later(PAINT);
    },

    standalone: function () { return !!lms && lms.standalone; },
    failing: function () { return failing; },

    pageSeen: function (id) { st.cur = id; st.seen[id] = 1; save(); },

    saveState: save,

    /* cmi.interactions.n: write-only in 1.2, so the next n is in the state. */
    interaction: function (o) {
      if (!graded) return;
      var pairs = [['id', asciiId(o.id).slice(0, 255)], ['type', o.type], ['time', SB.scorm.clock(new Date())]];
      if (o.weighting != null) pairs.push(['weighting', o.weighting]);
      if (o.response != null) pairs.push(['student_response', o.response]);
      if (o.result) pairs.push(['result', o.result]);
      if (o.latencyMs != null) pairs.push(['latency', SB.scorm.timespan(o.latencyMs)]);
      if (o.pattern != null && o.pattern !== '') pairs.push(['correct_responses.0.pattern', o.pattern]);
      queue.push({ n: st.n++, pairs: pairs });
      save();
    },

    /* Score 0-100; the LMS's mastery score decides if it gave one; the best attempt counts. */
    testResult: function (r) {
      var score = Math.max(0, Math.min(100, Math.round((+r.score || 0) * 100) / 100));
      var m = mastery(), pass = m != null ? score >= m : !!r.passed;
      st.t = st.t ? [Math.max(st.t[0], score), st.t[1] || pass ? 1 : 0] : [score, pass ? 1 : 0];
      report();
      commitSoon(0);
      return pass;
    },

    /* Everything, now: the page is hidden and may never come back. */
    commitNow: function () {
      if (phase !== 1 || ending) return;
      report();
      want = true;
      pump(true);
    },

    /* Exactly once; `now`: the page is going away, so all in this task. */
    finish: function (now) {
      if (phase === 2) return;
      if (!ending) {
        ending = true;
        clearTimeout(timer);
        timer = null;
        if (phase === 0) initDue = true;
      }
      if (now) pump(true); else later();
    }
  };
}]);
