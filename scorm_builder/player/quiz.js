/* quiz.js: questions in the browser. Knowledge checks give feedback at once and grade nothing.
   The final test draws an attempt from the pool, saves every answer as it is given (so a learner
   who leaves mid-test gets the same questions, order and answers back), scores on submit and
   reports each drawn question as a SCORM 1.2 interaction (NOTES section 7 formats).
   State (SB.state.q, compact because suspend_data holds 4096 characters):
     k: {question index (base 36): answer} for knowledge checks;
     t: {a: attempts started, s: 0 idle | 1 answering | 2 submitted, d: [drawn question indexes],
         o: [option order per drawn question], r: [answer per drawn question], x: [score, passed]}.
   An answer is a short string per type: letters "a,c"; "t"/"f"; the text; pairs "1.a,2.b"; and
   for ordering each item's chosen position in item order, "2,1,".
   Depends on SB.t and SB.track (main.js) and SB.state; see docs/quiz-data.md. */
(function (SB) {
  'use strict';

  var quiz = SB.quiz = {};
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
  function norm(s) { return String(s).normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).join(' '); }
  function sorted(s) { return s.split(',').sort().join(','); }

  /* --- one question: read and write the form, score, describe --------------------------- */

  function read(q, form) {
    if (q.type === 'fillin') return form.querySelector('input[type=text]').value.slice(0, 255);
    if (q.type === 'single' || q.type === 'multiple' || q.type === 'truefalse') {
      return all(form, 'input:checked').map(function (i) { return i.value; }).sort().join(',');
    }
    var sel = all(form, 'select');
    if (q.type === 'matching') {
      return sel.map(function (s, i) { return s.value ? (i + 1) + '.' + s.value : ''; }).filter(Boolean).join(',');
    }
    var pos = {};
    sel.forEach(function (s) { pos[s.parentNode.getAttribute('data-item')] = s.value; });
    return q.sequence.map(function (x, i) { return pos[LETTERS[i]] || ''; }).join(',');
  }

  function write(q, form, answer) {
    answer = answer || '';
    if (q.type === 'fillin') { form.querySelector('input[type=text]').value = answer; return; }
    if (q.type === 'single' || q.type === 'multiple' || q.type === 'truefalse') {
      var on = answer.split(',');
      all(form, 'input').forEach(function (i) { i.checked = on.indexOf(i.value) >= 0; });
      return;
    }
    var sel = all(form, 'select');
    if (q.type === 'matching') {
      var chosen = {};
      answer.split(',').forEach(function (p) { var kv = p.split('.'); if (kv[1]) chosen[kv[0]] = kv[1]; });
      sel.forEach(function (s, i) { s.value = chosen[i + 1] || ''; });
      return;
    }
    var pos = answer.split(',');
    sel.forEach(function (s) { s.value = pos[LETTERS.indexOf(s.parentNode.getAttribute('data-item'))] || ''; });
  }

  /* The SCORM 1.2 student_response for an answer, or null when nothing was given. */
  function response(q, answer) {
    if (!answer) return null;
    if (q.type === 'fillin') return answer.trim().slice(0, 255) || null;
    if (q.type !== 'ordering') return answer;
    var pos = answer.split(','), count = {}, placed = [];
    pos.forEach(function (p) { if (p) count[p] = (count[p] || 0) + 1; });
    // Only items with a position of their own count, so a tie can never look like the right order.
    pos.forEach(function (p, i) { if (p && count[p] === 1) placed.push([+p, LETTERS[i]]); });
    placed.sort(function (x, y) { return x[0] - y[0]; });
    return placed.map(function (x) { return x[1]; }).join(',') || null;
  }

  function isRight(q, resp) {
    if (resp == null) return false;
    if (q.type === 'fillin') return q.accepted.some(function (a) { return norm(a) === norm(resp); });
    if (q.type === 'multiple' || q.type === 'matching') return sorted(resp) === sorted(q.pattern);
    return resp === q.pattern;
  }

  /* Plain text of an answer, for the results page. */
  function describe(q, resp) {
    if (resp == null) return SB.t('quiz_no_response');
    if (q.type === 'fillin') return resp;
    if (q.type === 'truefalse') return SB.t(resp === 't' ? 'quiz_true' : 'quiz_false');
    var parts = resp.split(',');
    if (q.type === 'matching') {
      return parts.map(function (p) {
        var kv = p.split('.');
        return q.pairs[kv[0] - 1][0] + ' – ' + q.targets[LETTERS.indexOf(kv[1])];
      }).join('; ');
    }
    if (q.type === 'ordering') return parts.map(function (x) { return q.sequence[LETTERS.indexOf(x)]; }).join(', ');
    return parts.map(function (x) { return q.options[LETTERS.indexOf(x)].text; }).join('; ');
  }

  /* Display order of a question's options: shuffled where it matters, pinned options last. */
  function orderFor(q, shuffle) {
    if (q.type === 'single' || q.type === 'multiple') {
      var free = q.options.filter(function (o) { return !o.pinned; }).map(function (o) { return o.id; });
      var pinned = q.options.filter(function (o) { return o.pinned; }).map(function (o) { return o.id; });
      return (shuffle ? shuffled(free) : free).concat(pinned).join('');
    }
    var n = q.type === 'matching' ? q.targets.length : q.type === 'ordering' ? q.sequence.length : 0;
    var letters = LETTERS.slice(0, n).split(''), out = letters.join('');
    // Matching targets and ordering items always move: in source order they give the answer away.
    for (var i = 0; i < 5 && n > 1 && out === letters.join(''); i++) out = shuffled(letters).join('');
    return out;
  }

  function applyOrder(q, form, order) {
    if (!order) return;
    order.split('').forEach(function (x) {
      if (q.type === 'single' || q.type === 'multiple') {
        var row = form.querySelector('.sb-option[data-option="' + x + '"]');
        if (row) row.parentNode.appendChild(row);
      } else if (q.type === 'matching') {
        all(form, 'select').forEach(function (s) {
          var o = s.querySelector('option[value="' + x + '"]');
          if (o) s.appendChild(o);
        });
      } else if (q.type === 'ordering') {
        var item = form.querySelector('.sb-select[data-item="' + x + '"]');
        if (item) item.parentNode.appendChild(item);
      }
    });
  }

  /* --- knowledge checks ------------------------------------------------------------------ */

  function check(id) {
    var q = data.questions[id], form = formOf(id), answer = read(q, form);
    var resp = response(q, answer), right = isRight(q, resp), live = form.querySelector('.sb-feedback');
    all(live, '.sb-fb').forEach(function (f) { f.hidden = true; });
    var verdict = live.querySelector('.sb-verdict');
    verdict.className = 'sb-verdict' + (resp == null ? '' : right ? ' sb-right' : ' sb-wrong');
    verdict.textContent = SB.t(resp == null ? 'quiz_unanswered' : right ? 'quiz_right' : 'quiz_wrong');
    if (resp == null) return;
    var show = ['.sb-fb-' + (right ? 'correct' : 'incorrect'), '.sb-fb-explanation'];
    if (q.options) answer.split(',').forEach(function (x) { show.push('.sb-fb-option[data-option="' + x + '"]'); });
    show.forEach(function (sel) { var f = live.querySelector(sel); if (f) f.hidden = false; });
    state().k = state().k || {};
    state().k[at[id].toString(36)] = answer;
    SB.track.save();
  }

  function initCheck(id) {
    var q = data.questions[id], form = formOf(id), k = state().k || {};
    applyOrder(q, form, q.type === 'matching' || q.type === 'ordering' ? orderFor(q, true) : '');
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
    t.d = shuffled(pool).slice(0, Math.min(test.draw || pool.length, pool.length)).map(function (id) { return at[id]; });
    t.o = t.d.map(function (i) { return orderFor(data.questions[ids[i]], test.shuffle !== false); });
    t.r = t.d.map(function () { return ''; });
    delete t.x;
    SB.track.save();
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
      box.appendChild(form);
      form.hidden = false;
      applyOrder(q, form, t.o[n]);
      write(q, form, t.r[n]);
      form.onchange = form.oninput = function () {
        t.r[n] = read(q, form);
        changed[n] = Date.now();
        SB.track.save();
      };
    });
    var submit = box.appendChild(el('button', 'sb-test-submit', SB.t('quiz_submit')));
    submit.type = 'button';
    submit.addEventListener('click', submitTest);
    show('attempt');
    if (focus && box.querySelector('h2')) box.querySelector('h2').focus();
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
      SB.track.interaction({ id: r.id, type: r.q.interaction, response: r.resp, pattern: r.q.pattern,
                             result: r.ok ? 'correct' : 'wrong', weighting: r.q.weighting, latencyMs: Math.max(0, r.ms) });
    });
    var reported = SB.track.testResult({ score: score, passed: passed });
    t.s = 2;
    t.x = [score, (typeof reported === 'boolean' ? reported : passed) ? 1 : 0];
    SB.track.save();
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
      var key = q.type === 'fillin' ? q.accepted[0] : q.pattern;
      if (!ok) li.appendChild(el('p', null, SB.t('quiz_right_answer', { answer: describe(q, key) })));
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

  quiz.init = function (d, st) {
    data = d;
    SB.state = SB.state || st;
    ids = Object.keys(data.questions || {});
    at = {};
    ids.forEach(function (id, i) { at[id] = i; });
    if (SB.state.changed) forget(state());
    test = data.test;
    testPage = test ? document.querySelector('section.sb-test[data-test]') : null;
    ids.forEach(function (id) {
      var form = formOf(id);
      if (form && !(testPage && testPage.contains(form))) initCheck(id);
    });
    if (testPage) initTest();
  };

  /* Latency counts from when the learner sees the attempt, also after a resume. */
  quiz.pageShown = function (pageId) {
    if (testPage && testPage.getAttribute('data-page') === pageId && T().s === 1) begun = Date.now();
  };
})(window.SB = window.SB || {});
