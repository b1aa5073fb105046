/* main.js: boot, and what the learner sees of the session: the first page at once, the resume
   offer once the LMS's state is in, the notices (saving, could not save, standalone) and the
   closing screen. It tells the tracker what happened and never talks to the LMS itself. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['main', ['tracker', 'nav', 'quiz', 'certificate'], function (SB) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var tracker = SB.tracker, nav = SB.nav, data = courseData(), ready = false, offer = false;
  var closing = null, savingTimer = null;

  /* The launch page's data: enough to open the LMS session from <head>. */
  function courseData() {
    var el = $('sb-data'), d = null;
    try { d = el && JSON.parse(el.textContent); } catch (e) { d = null; }
    return d && d.format ? d : null;
  }

  /* The rest, from the course file (deferred: it has run before DOMContentLoaded). The tracker
     holds the same object, so it sees the pages from then on. */
  function addCourseFile() {
    var more = SB.course;
    if (!data || !more || !Array.isArray(more.pages)) return false;
    for (var k in more) data[k] = more[k];
    return true;
  }

  SB.data = data;
  SB.t = function (key, params) {
    var s = (data && data.strings && data.strings[key]) || key;
    return String(s).replace(/\{(\w+)\}/g, function (m, k) { return params && k in params ? params[k] : m; });
  };

  /* One message per kind in #sb-notice (`box`: elsewhere); text null removes it. A question
     with buttons is a group named by its text, so the buttons are heard with the question. */
  function note(kind, text, buttons, box) {
    box = box || $('sb-notice');
    var old = box.querySelector('[data-kind="' + kind + '"]');
    if (old) box.removeChild(old);
    if (text == null) return null;
    var p = document.createElement('div');
    p.className = 'sb-note sb-note-' + kind;
    p.setAttribute('data-kind', kind);
    var q = p.appendChild(document.createElement('p'));
    q.textContent = text;
    q.id = 'sb-note-' + kind;
    if (buttons) {
      p.setAttribute('role', 'group');
      p.setAttribute('aria-labelledby', q.id);
    }
    (buttons || []).forEach(function (b) {
      var btn = p.appendChild(document.createElement('button'));
      btn.type = 'button';
      btn.textContent = b[0];
      btn.addEventListener('click', b[1]);
    });
    box.appendChild(p);
    return p;
  }

  function showLearner(raw) {
    var name = SB.certificate.named(raw);
    if (!name || document.querySelector('.sb-learner')) return;
    var p = document.createElement('p');
    p.className = 'sb-learner';
    p.textContent = SB.t('learner', { name: name });
    document.querySelector('.sb-bar').insertBefore(p, $('sb-toc-toggle'));
  }

  function shown(id) {
    if (offer && id !== offer) { offer = false; note('resume', null); }
    tracker.pageSeen(id);
    nav.progress(SB.state.seen);
    if (SB.quiz.pageShown) SB.quiz.pageShown(id);
  }

  /* `jump`: nothing was shown yet, so the bookmarked page is shown with the offer and takes the
     focus. Otherwise the learner is already reading: the page stays, only the offer appears. */
  function offerResume(id, jump) {
    var first = nav.first();
    offer = id;
    if (jump) nav.go(id, true);
    var box = note('resume', SB.t('resume_ask'), [
      [SB.t('resume'), function () { offer = false; note('resume', null); nav.go(id); }],
      [SB.t('restart'), function () { offer = false; note('resume', null); nav.go(first); }]
    ]);
    // Chromium drops a focus set while the launch page loads in the LMS frame: focus once it paints.
    if (jump) requestAnimationFrame(function () { box.querySelector('button').focus(); });
  }

  /* The LMS's state is in SB.state (again, after a late start: then only the name is new). */
  function onReady(r) {
    showLearner(r.learner);
    if (ready || closing) return;  // closing: Avsluta came before a slow LMS answered
    ready = true;
    // Not in the live region: every later notice there would read this long note again.
    if (tracker.standalone()) note('standalone', SB.t('standalone'), null, $('sb-notes'));
    SB.quiz.init(data);
    var cur = nav.current(), bookmark = nav.has(r.resume) ? r.resume : null;
    if (!cur) {
      if (bookmark && bookmark !== nav.first()) offerResume(bookmark, true);
      else nav.go(nav.fromHash() || (nav.has(SB.state.cur) ? SB.state.cur : nav.first()), true);
    } else {
      nav.progress(SB.state.seen);
      if (bookmark && bookmark !== cur) offerResume(bookmark, false);
    }
  }

  /* A page's file did not load (a dropped connection to the LMS's server): say so, and retry. */
  function onFail(id) {
    var box = note('load', SB.t('load_failed'), [[SB.t('retry'), function () { note('load', null); nav.go(id); }]]);
    if (document.activeElement === document.body) box.querySelector('button').focus();  // a closed contents had it
  }

  function onChange(failing) {
    note('warn', SB.t(failing ? 'save_failed' : 'save_ok'));
    if (!failing) setTimeout(function () { if (!tracker.failing()) note('warn', null); }, 8000);
  }

  /* "Saving…" only when a save is slow enough to notice. */
  function onBusy(on) {
    clearTimeout(savingTimer);
    if (on) savingTimer = setTimeout(function () { note('saving', SB.t('saving')); }, 500);
    else note('saving', null);
  }

  function onDone(saved) {
    if (closing) closing.textContent = SB.t(saved ? 'closed_text' : 'closed_unsaved');
  }

  /* Avsluta: the closing screen at once; what it says about saving follows when the LMS answers. */
  function exit() {
    nav.stop();
    ['sb-toc-toggle', 'sb-exit', 'sb-progress', 'sb-toc', 'sb-notes'].forEach(function (id) { $(id).hidden = true; });
    document.querySelector('.sb-pager').hidden = true;
    [].forEach.call(document.querySelectorAll('section.sb-page'), function (s) { s.hidden = true; });
    var done = $('sb-main').appendChild(document.createElement('section'));
    done.className = 'sb-done';
    var h = done.appendChild(document.createElement('h1'));
    h.tabIndex = -1;
    h.textContent = SB.t('closed');
    closing = done.appendChild(document.createElement('p'));
    closing.textContent = SB.t('saving');
    SB.certificate.offer(done);
    h.focus();
    tracker.finish();
  }

  function boot() {
    if (!data) return;
    if (!addCourseFile()) { note('load', SB.t('load_failed')); return; }  // the first page alone
    nav.init(data, shown, onFail);
    tracker.start({ ready: onReady, change: onChange, busy: onBusy, done: onDone });
    if (!ready) nav.go(nav.fromHash() || nav.first(), true);  // a slow LMS: show the course now
    $('sb-exit').addEventListener('click', exit);
    ['pagehide', 'beforeunload', 'unload'].forEach(function (ev) {
      window.addEventListener(ev, function () { tracker.finish(true); });
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') tracker.commitNow();
    });
  }

  /* player.js runs in <head>, right after the course data: open the LMS session at once, so
     LMSInitialize does not wait for a long launch page to be parsed. boot() does the rest. */
  if (data) tracker.open(data);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}]);
