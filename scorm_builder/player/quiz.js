/* quiz.js: questions in the browser. Knowledge checks give feedback at once and grade nothing.
   The final test draws an attempt from the pool, saves every answer as it is given (so a learner
   who leaves mid-test gets the same questions, order and answers back), scores on submit and
   reports each drawn question as a SCORM 1.2 interaction (NOTES section 7 formats).
   State (SB.state.q, compact because suspend_data holds 4096 characters):
     k: {question index (base 36): answer} for knowledge checks;
     t: {a: attempts started, s: 0 idle | 1 answering | 2 submitted, d: [drawn question indexes],
         o: [option order per drawn question], r: [answer per drawn question], x: [score, passed]}.
   An answer is a short string (the form's state); what it is, and how it is read, written, scored
   and described, is its type module's (player/questions/, SB.questionTypes): no type branches here.
   Reports through SB.tracker, reads SB.state (the tracker's) and SB.t; see docs/quiz-data.md. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['quiz', ['pages'], function (SB) {
  'use strict';

  var quiz = {};
  var data = null, ids = [], at = {}, test = null, testPage = null;
  var begun = 0, changed = {};  // attempt shown at (ms), last change per drawn question (ms)
  var LETTERS = 'abcdefghijklmnopqrstuvwxyz';

  function state() {
    var st = SB.state;
    if (!st.q || typeof st.q !== 'object') st.q = {};
    return st.q;
  }
  function T() {
    var q = state();
    if (!q.t || typeof q.t !== 'object') q.t = { a: 0, s: 0, d: [], o: [], r: [] };
    return q.t;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function all(root, sel) { return [].slice.call(root.querySelectorAll(sel)); }
  function formOf(id) { return document.getElementById('q-' + id); }
  function shuffled(list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), x = a[i]; a[i] = a[j]; a[j] = x; }
    return a;
  }
  function sorted(s) { return s.split(',').sort().join(','); }
  // Orders of n letters for targets or items that must move: in source order they give the answer away.
  function moved(n) {
    var letters = LETTERS.slice(0, n).split(''), out = letters.join('');
    for (var i = 0; i < 5 && n > 1 && out === letters.join(''); i++) out = shuffled(letters).join('');
    return out;
  }

  /* --- one question: its type's module (player/questions/<type>.js) ---------------------- */

  /* What a type module may define; the defaults handle checked inputs. Functions also get `kit`
     (below), so a module needs nothing when it loads. */
  var DEFAULTS = {
    read: function (q, form) { return all(form, 'input:checked').map(function (i) { return i.value; }).sort().join(','); },
    write: function (q, form, answer) {
      var on = answer.split(',');
      all(form, 'input').forEach(function (i) { i.checked = on.indexOf(i.value) >= 0; });
    },
    response: function (q, answer) { return answer; },
    isRight: function (q, resp) { return resp === q.pattern; },
    describe: function (q, resp) { return resp; },
    key: function (q) { return q.pattern; },  // the right response, for the review
    order: function () { return ''; },        // display order of options or items
    applyOrder: function () {},
    init: null,                               // owns its knowledge check (reflection)
    alwaysShuffled: false,                    // in knowledge checks too
    scored: true                              // false: sent as given, never right or wrong
  };
  var kit = { all: all, letters: LETTERS, shuffled: shuffled, sorted: sorted, moved: moved, t: function (k, p) { return SB.t(k, p); } };
  /* For a type that owns its knowledge check (init): its saved answer, saving one, sending one. */
  kit.saved = function (q) { return (state().k || {})[at[q.id].toString(36)] || ''; };
  kit.save = function (q, answer) {
    state().k = state().k || {};
    state().k[at[q.id].toString(36)] = answer;
    SB.tracker.saveState();
  };
  kit.send = function (o) { SB.tracker.interaction(o); };

  function type(q, name) {
    var own = (SB.questionTypes || {})[q.type] || {};
    return name in own ? own[name] : DEFAULTS[name];
  }
  function read(q, form) { return type(q, 'read')(q, form, kit); }
  function write(q, form, answer) { type(q, 'write')(q, form, answer || '', kit); }
  /* The SCORM 1.2 student_response for an answer, or null when nothing was given. */
  function response(q, answer) { return answer ? type(q, 'response')(q, answer, kit) : null; }
  function isRight(q, resp) { return resp != null && type(q, 'isRight')(q, resp, kit); }
  /* Plain text of a response, for the results page. */
  function describe(q, resp) { return resp == null ? SB.t('quiz_no_response') : type(q, 'describe')(q, resp, kit); }
  function orderFor(q, shuffle) { return type(q, 'order')(q, shuffle, kit); }
  function applyOrder(q, form, order) { if (order) type(q, 'applyOrder')(q, form, order, kit); }

  /* --- knowledge checks ------------------------------------------------------------------ */

  /* A knowledge check's button: the verdict and feedback; an unscored answer (likert) goes to
     the LMS as given instead, with the result "neutral". */
  function check(id) {
    var q = data.questions[id], form = formOf(id), answer = read(q, form), scored = type(q, 'scored');
    var resp = response(q, answer), right = isRight(q, resp), live = form.querySelector('.sb-feedback');
    all(live, '.sb-fb').forEach(function (f) { f.hidden = true; });
    var verdict = live.querySelector('.sb-verdict');
    verdict.id = 'sb-verdict-' + id;  // the verdict describes its question's group, heard on return
    form.querySelector('fieldset').setAttribute('aria-describedby', verdict.id);
    verdict.className = 'sb-verdict' + (resp == null || !scored ? '' : right ? ' sb-right' : ' sb-wrong');
    verdict.textContent = resp != null && !scored ? '' : SB.t(resp == null ? 'quiz_unanswered' : right ? 'quiz_right' : 'quiz_wrong');
    if (resp == null) return;
    if (!scored) SB.tracker.interaction({ id: id, type: q.interaction, response: resp, result: 'neutral', weighting: q.weighting });
    var show = ['.sb-fb-explanation', scored ? '.sb-fb-' + (right ? 'correct' : 'incorrect') : '.sb-fb-sent'];
    show.forEach(function (sel) { var f = live.querySelector(sel); if (f) f.hidden = false; });
    all(live, '.sb-fb-option').forEach(function (f) { if (answer.split(',').indexOf(f.getAttribute('data-option')) >= 0) f.hidden = false; });
    state().k = state().k || {};
    state().k[at[id].toString(36)] = answer;
    SB.tracker.saveState();
  }

  function initCheck(id) {
    var q = data.questions[id], form = formOf(id), k = state().k || {}, own = type(q, 'init');
    if (own) return own(q, form, kit);
    applyOrder(q, form, type(q, 'alwaysShuffled') ? orderFor(q, true) : '');
    write(q, form, k[at[id].toString(36)]);
    var btn = form.querySelector('.sb-check');
    if (btn) btn.addEventListener('click', function () { check(id); });
  }

  /* --- the final test -------------------------------------------------------------------- */

  function remaining() {
    return test.attempts ? Math.max(0, test.attempts - T().a) : Infinity;
  }

  function start() {
    var t = T(), pool = test.pool.filter(function (id) { return id in at; });
    t.a += 1;
    t.s = 1;
    // draw_own: that many of the package's own questions first, then the rest of the pool
    var own = shuffled(pool.filter(function (id) { return (test.own || []).indexOf(id) >= 0; })).slice(0, test.drawOwn);
    var rest = shuffled(pool.filter(function (id) { return own.indexOf(id) < 0; }));
    t.d = shuffled(own.concat(rest).slice(0, Math.min(test.draw || pool.length, pool.length)))
      .map(function (id) { return at[id]; });
    t.o = t.d.map(function (i) { return orderFor(data.questions[ids[i]], test.shuffle !== false); });
    t.r = t.d.map(function () { return ''; });
    delete t.x;
    SB.tracker.saveState();
    showAttempt(true);
  }

  function showAttempt(focus) {
    var t = T(), box = testPage.querySelector('.sb-test-attempt');
    all(box, '.sb-question').forEach(function (f) { testPage.insertBefore(f, box); });  // back from a past attempt
    box.textContent = '';
    begun = Date.now();
    changed = {};
    all(testPage, '.sb-question').forEach(function (f) { f.hidden = true; });
    t.d.forEach(function (index, n) {
      var id = ids[index], q = data.questions[id], form = formOf(id);
      var h = box.appendChild(el('h2', 'sb-qno', SB.t('quiz_question_n', { n: n + 1, total: t.d.length })));
      h.tabIndex = -1;
      h.id = 'sb-qno-' + (n + 1);
      box.appendChild(form);
      form.hidden = false;
      applyOrder(q, form, t.o[n]);
      write(q, form, t.r[n]);
      form.onchange = form.oninput = function () {
        t.r[n] = read(q, form);
        changed[n] = Date.now();
        SB.tracker.saveState();
      };
    });
    var submit = box.appendChild(el('button', 'sb-test-submit', SB.t('quiz_submit')));
    submit.type = 'button';
    submit.addEventListener('click', confirmSubmit);
    show('attempt');
    if (focus && box.querySelector('h2')) box.querySelector('h2').focus();
  }

  /* WCAG 3.3.4: a test with unanswered questions is submitted only once the learner confirms,
     after seeing which questions they are, each a link to its question. */
  function confirmSubmit() {
    var t = T(), box = testPage.querySelector('.sb-test-attempt'), old = box.querySelector('.sb-confirm');
    var open = t.d.filter(function (index, n) { return response(data.questions[ids[index]], t.r[n]) == null; });
    if (old) box.removeChild(old);
    if (!open.length) return submitTest();
    var ask = box.appendChild(el('div', 'sb-note sb-confirm'));
    ask.setAttribute('role', 'group');
    var p = ask.appendChild(el('p', null, SB.t('quiz_confirm', { count: open.length })));
    p.id = 'sb-confirm-text';
    p.tabIndex = -1;
    ask.setAttribute('aria-labelledby', p.id);
    var list = ask.appendChild(el('ul'));
    t.d.forEach(function (index, n) {
      if (open.indexOf(index) < 0) return;
      var a = list.appendChild(el('li')).appendChild(el('a', null, SB.t('quiz_question_n', { n: n + 1, total: t.d.length })));
      a.href = '#sb-qno-' + (n + 1);
      a.onclick = function (e) { e.preventDefault(); document.getElementById('sb-qno-' + (n + 1)).focus(); };
    });
    var yes = ask.appendChild(el('button', null, SB.t('quiz_submit_anyway')));
    yes.type = 'button';
    yes.addEventListener('click', submitTest);
    p.focus();
  }

  function submitTest() {
    var t = T(), right = 0, now = Date.now();
    var results = t.d.map(function (index, n) {
      var id = ids[index], q = data.questions[id], resp = response(q, t.r[n]), ok = isRight(q, resp);
      if (ok) right++;
      return { id: t.a > 1 ? id + '-a' + t.a : id, q: q, resp: resp, ok: ok, ms: (changed[n] || now) - begun };
    });
    var score = t.d.length ? Math.round(100 * right / t.d.length) : 0;
    var passed = score >= (data.test.passMark != null ? data.test.passMark : data.mastery || 0);
    results.forEach(function (r) {
      SB.tracker.interaction({ id: r.id, type: r.q.interaction, response: r.resp, pattern: r.q.pattern,
                             result: r.ok ? 'correct' : 'wrong', weighting: r.q.weighting, latencyMs: Math.max(0, r.ms) });
    });
    var reported = SB.tracker.testResult({ score: score, passed: passed });
    t.s = 2;
    t.x = [score, (typeof reported === 'boolean' ? reported : passed) ? 1 : 0];
    SB.tracker.saveState();
    showResults(true);
  }

  function showResults(focus) {
    var t = T(), box = testPage.querySelector('.sb-test-results'), x = t.x || [0, 0];
    box.textContent = '';
    all(testPage, '.sb-question').forEach(function (f) { f.hidden = true; });
    var h = box.appendChild(el('h2', null, SB.t('quiz_results')));
    h.tabIndex = -1;
    box.appendChild(el('p', 'sb-score', SB.t('quiz_score', { score: x[0] })));
    box.appendChild(el('p', x[1] ? 'sb-passed' : 'sb-failed', SB.t(x[1] ? 'quiz_passed' : 'quiz_failed', { mark: test.passMark })));
    if (test.review !== 'none' && t.d.length) box.appendChild(review(t));
    retakeOffer(box);
    SB.certificate.offer(box);
    show('results');
    if (focus) h.focus();
  }

  function review(t) {
    var list = el('ol', 'sb-review');
    t.d.forEach(function (index, n) {
      var id = ids[index], q = data.questions[id], resp = response(q, t.r[n]), ok = isRight(q, resp);
      var li = list.appendChild(el('li', ok ? 'sb-right' : 'sb-wrong'));
      li.appendChild(el('p', 'sb-review-stem', q.stem));
      li.appendChild(el('p', null, SB.t('quiz_your_response', { answer: describe(q, resp) })));
      li.appendChild(el('p', 'sb-verdict', SB.t(ok ? 'quiz_result_right' : 'quiz_result_wrong')));
      if (test.review !== 'answers') return;
      if (!ok) li.appendChild(el('p', null, SB.t('quiz_right_answer', { answer: describe(q, type(q, 'key')(q)) })));
      var why = formOf(id) && formOf(id).querySelector('.sb-fb-explanation');
      if (why) {
        var copy = why.cloneNode(true);
        copy.hidden = false;
        li.appendChild(copy);
      }
    });
    return list;
  }

  function retakeOffer(box) {
    var left = remaining();
    if (left > 0) {
      if (left !== Infinity) box.appendChild(el('p', null, SB.t('quiz_attempts_left', { count: left })));
      var again = box.appendChild(el('button', 'sb-test-retake', SB.t('quiz_retake')));
      again.type = 'button';
      again.addEventListener('click', start);
    } else {
      box.appendChild(el('p', null, SB.t('quiz_no_attempts')));
    }
  }

  function showIntro() {
    var box = testPage.querySelector('.sb-test-intro');
    box.textContent = '';
    var n = Math.min(test.draw || test.pool.length, test.pool.length);
    box.appendChild(el('p', null, SB.t('quiz_count', { count: n }) + ' ' + SB.t('quiz_pass_mark', { mark: test.passMark })));
    if (remaining() > 0) {
      var go = box.appendChild(el('button', 'sb-test-start', SB.t('quiz_start')));
      go.type = 'button';
      go.addEventListener('click', start);
    } else {
      box.appendChild(el('p', null, SB.t('quiz_no_attempts')));
    }
    all(testPage, '.sb-question').forEach(function (f) { f.hidden = true; });
    show('intro');
  }

  function show(part) {
    ['intro', 'attempt', 'results'].forEach(function (p) { testPage.querySelector('.sb-test-' + p).hidden = p !== part; });
  }

  function initTest() {
    ['intro', 'attempt', 'results'].forEach(function (p) { testPage.appendChild(el('div', 'sb-test-' + p)).hidden = true; });
    var t = T();
    if (t.s === 1 && t.d.length) showAttempt(false);
    else if (t.s === 2 && t.x) showResults(false);
    else showIntro();
  }

  /* A new build may have other questions behind the same indexes: keep only attempts used and results. */
  function forget(q) {
    delete q.k;
    if (!q.t) return;
    q.t.d = []; q.t.o = []; q.t.r = [];
    if (q.t.s === 1) q.t.s = 0;
  }

  quiz.init = function (d) {
    data = d;
    kit.course = data.course;
    ids = Object.keys(data.questions || {});
    at = {};
    ids.forEach(function (id, i) { at[id] = i; });
    if (SB.state.changed) forget(state());
    test = data.test;
    SB.pages.each(added);
  };

  /* A page is here (pages.js): the test, or a page with knowledge checks. */
  function added(s) {
    if (test && s.matches('section.sb-test[data-test]')) {
      testPage = s;
      initTest();
      return;
    }
    all(s, '[id^="q-"]').forEach(function (form) {
      var id = form.id.slice(2);
      if (data.questions[id] && formOf(id) === form) initCheck(id);
    });
  }

  /* Whether a response is right, as the question's type scores it (the Python records score the
     same; tests/quiz/test_scoring_parity.py). */
  quiz.isRight = isRight;

  /* Latency counts from when the learner sees the attempt, also after a resume. */
  quiz.pageShown = function (pageId) {
    if (testPage && testPage.getAttribute('data-page') === pageId && T().s === 1) begun = Date.now();
  };

  return quiz;
}]);
