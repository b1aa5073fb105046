/* main.js: boot and the course's record. Reads the LMS once, restores the learner's state,
   offers to resume, turns pages seen and test results into status and score (SB.track), and
   finishes the session exactly once, from Avsluta or from the page going away. */
(function (SB) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var lms = SB.lms, data, st, held = '', graded = true, allSeen = false, offer = false;

  SB.t = function (key, params) {
    var s = (data && data.strings && data.strings[key]) || key;
    return String(s).replace(/\{(\w+)\}/g, function (m, k) { return params && k in params ? params[k] : m; });
  };

  /* One message per kind in #sb-notice; text null removes it. */
  function note(kind, text, buttons) {
    var box = $('sb-notice'), old = box.querySelector('[data-kind="' + kind + '"]');
    if (old) box.removeChild(old);
    if (text == null) return null;
    var p = document.createElement('div');
    p.className = 'sb-note sb-note-' + kind;
    p.setAttribute('data-kind', kind);
    p.appendChild(document.createElement('p')).textContent = text;
    (buttons || []).forEach(function (b) {
      var btn = p.appendChild(document.createElement('button'));
      btn.type = 'button';
      btn.textContent = b[0];
      btn.addEventListener('click', b[1]);
    });
    box.appendChild(p);
    return p;
  }

  function read() {
    var g = lms.get;
    return {
      entry: g('cmi.core.entry'), location: g('cmi.core.lesson_location'), suspend: g('cmi.suspend_data'),
      name: g('cmi.core.student_name'), mode: g('cmi.core.lesson_mode'), status: g('cmi.core.lesson_status'),
      mastery: g('cmi.student_data.mastery_score'), count: g('cmi.interactions._count')
    };
  }

  function mastery() { return typeof data.mastery === 'number' ? data.mastery : null; }

  /* What the LMS says about this learner, on top of `st`. */
  function adopt(info, merge) {
    held = info.status;
    if (held !== 'not attempted') lms.vals['cmi.core.lesson_status'] = held;  // no need to send it again
    graded = info.mode !== 'browse' && info.mode !== 'review';
    var m = parseFloat(info.mastery);
    if (/^\d+(\.\d+)?$/.test(info.mastery) && m <= 100) {
      data.mastery = m;
      if (data.test) data.test.passMark = m;
    }
    var old = info.suspend ? SB.decode(info.suspend, data) : null;
    if (!old && nav().has(info.location)) { old = SB.fresh(); old.cur = info.location; }
    if (old && merge) {
      for (var id in old.seen) st.seen[id] = 1;
      if (old.t) st.t = st.t ? [Math.max(st.t[0], old.t[0]), st.t[1] || old.t[1]] : old.t;
      if (!Object.keys(st.q).length) st.q = old.q;
    } else if (old) {
      st = SB.state = old;
    }
    // Interactions cannot be read back: append after what the LMS (or our state) already has.
    var n = /^\d+$/.test(info.count) ? +info.count : old ? old.n : 0;
    lms.queue.forEach(function (it) { it.n = n++; });
    st.n = n;
    var name = info.name.split(',').map(function (s) { return s.trim(); }).reverse().join(' ').trim();
    if (name && !document.querySelector('.sb-learner')) {
      var p = document.createElement('p');
      p.className = 'sb-learner';
      p.textContent = SB.t('learner', { name: name });
      document.querySelector('.sb-bar').insertBefore(p, $('sb-toc-toggle'));
    }
    return !!(old && old.cur && (info.entry === 'resume' || info.location || info.suspend));
  }

  function nav() { return SB.nav; }

  function status() { return SB.keepBest(held, SB.statusFor(data.completion, allSeen, st.t)); }

  /* Puts everything the LMS should hold; the adapter sends only what changed. */
  function report() {
    var s = SB.encode(st, data);
    if (s != null) lms.put('cmi.suspend_data', s);
    if (st.cur) lms.put('cmi.core.lesson_location', st.cur);
    if (!graded) return;
    var now = status();
    lms.put('cmi.core.lesson_status', now);
    if (!st.t) return;
    var raw = String(st.t[0]);
    lms.put('cmi.objectives.0.id', String(data.test ? data.test.id : 'test').normalize('NFD').replace(/[^\w.-]/g, ''));
    lms.put('cmi.objectives.0.score.min', '0');
    lms.put('cmi.objectives.0.score.max', '100');
    lms.put('cmi.objectives.0.score.raw', raw);
    lms.put('cmi.objectives.0.status', st.t[1] ? 'passed' : 'failed');
    // A raw score while still incomplete would let the LMS's mastery rule call it passed early.
    if (now === 'incomplete') return;
    lms.put('cmi.core.score.min', '0');
    lms.put('cmi.core.score.max', '100');
    lms.put('cmi.core.score.raw', raw);
  }

  SB.track = {
    save: function () { report(); lms.commitSoon(); },

    interaction: function (o) {
      if (!graded) return;
      var pairs = [['id', String(o.id).normalize('NFD').replace(/[^\w.-]/g, '').slice(0, 255)],
                   ['type', o.type], ['time', SB.clock(new Date())]];
      if (o.weighting != null) pairs.push(['weighting', o.weighting]);
      if (o.response != null) pairs.push(['student_response', o.response]);
      if (o.result) pairs.push(['result', o.result]);
      if (o.latencyMs != null) pairs.push(['latency', SB.timespan(o.latencyMs)]);
      if (o.pattern != null && o.pattern !== '') pairs.push(['correct_responses.0.pattern', o.pattern]);
      lms.append(st.n++, pairs);
      SB.track.save();
    },

    /* The LMS's mastery score decides when it gave one; the best attempt is the one reported. */
    testResult: function (r) {
      var score = Math.max(0, Math.min(100, Math.round((+r.score || 0) * 100) / 100));
      var m = mastery(), pass = m != null ? score >= m : !!r.passed;
      st.t = st.t ? [Math.max(st.t[0], score), st.t[1] || pass ? 1 : 0] : [score, pass ? 1 : 0];
      report();
      lms.commitSoon(0);
      return pass;
    }
  };

  function shown(id) {
    st.cur = id;
    st.seen[id] = 1;
    allSeen = nav().progress(st.seen);
    if (offer && id !== offer) { offer = false; note('resume', null); }
    if (SB.quiz && SB.quiz.pageShown) SB.quiz.pageShown(id);
    SB.track.save();
  }

  function finish() {
    if (lms.phase === 2) return false;
    report();
    // Unfinished means resumable: the LMS keeps the bookmark and suspend_data for next time.
    return lms.finish(/^(passed|completed|failed)$/.test(graded ? status() : held) ? '' : 'suspend');
  }

  function exit() {
    var saved = finish();
    ['sb-toc-toggle', 'sb-exit', 'sb-progress', 'sb-toc', 'sb-notice'].forEach(function (id) { $(id).hidden = true; });
    document.querySelector('.sb-pager').hidden = true;
    [].forEach.call(document.querySelectorAll('section.sb-page'), function (s) { s.hidden = true; });
    var done = $('sb-main').appendChild(document.createElement('section'));
    done.className = 'sb-done';
    var h = done.appendChild(document.createElement('h1'));
    h.tabIndex = -1;
    h.textContent = SB.t('closed');
    done.appendChild(document.createElement('p')).textContent = SB.t(saved ? 'closed_text' : 'closed_unsaved');
    h.focus();
  }

  function boot() {
    try { data = JSON.parse($('sb-data').textContent); } catch (e) { data = null; }
    if (!data || !Array.isArray(data.pages)) return;
    SB.data = data;
    try { SB.debug = /[?&]debug\b/.test(location.search) || !!window.localStorage.getItem('sbDebug'); } catch (e) { SB.debug = /[?&]debug\b/.test(location.search); }
    st = SB.state = SB.fresh();
    nav().init(data, shown);
    lms.onChange = function (failing) {
      note('warn', SB.t(failing ? 'save_failed' : 'save_ok'));
      if (!failing) setTimeout(function () { if (!lms.failing) note('warn', null); }, 8000);
    };
    lms.onLateStart = function () { adopt(read(), true); report(); };
    if (lms.failing) lms.onChange(true);   // the early start already failed
    var resumable = lms.start(sessionKey(data)) && adopt(read(), false);
    if (lms.standalone) note('standalone', SB.t('standalone'));
    if (SB.quiz && SB.quiz.init) SB.quiz.init(data, st);
    var first = nav().first();
    if (resumable && st.cur !== first) {
      offer = st.cur;
      nav().go(st.cur, true);
      var box = note('resume', SB.t('resume_ask'), [
        [SB.t('resume'), function () { offer = false; note('resume', null); nav().go(st.cur); }],
        [SB.t('restart'), function () { offer = false; note('resume', null); nav().go(first); }]
      ]);
      // Chromium drops a focus set while the launch page loads in the LMS frame: focus once it paints.
      requestAnimationFrame(function () { box.querySelector('button').focus(); });
    } else {
      nav().go(nav().fromHash() || (nav().has(st.cur) ? st.cur : first), true);
    }
    $('sb-exit').addEventListener('click', exit);
    ['pagehide', 'beforeunload', 'unload'].forEach(function (ev) { window.addEventListener(ev, finish); });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden' && lms.phase === 1) { report(); lms.commit(); }
    });
  }

  function sessionKey(d) { return ['sb', d.course, d.audience || '', d.sco || ''].join(':'); }

  /* player.js runs in <head>, right after the course data: open the LMS session at once, so
     LMSInitialize does not wait for a long launch page to be parsed. boot() does the rest. */
  (function openEarly() {
    var el = $('sb-data'), d = null;
    try { d = el && JSON.parse(el.textContent); } catch (e) { d = null; }
    if (d && Array.isArray(d.pages)) lms.start(sessionKey(d));
  })();

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})(window.SB = window.SB || {});
