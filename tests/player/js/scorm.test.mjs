// The LMS adapter against scorm-again (the real SCORM 1.2 runtime we play packages with),
// with faults injected around its API methods.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Scorm12API } from 'scorm-again/scorm12';
import { load } from './load.mjs';

const FNS = ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError'];

// An LMS that records every call; faults[fn] = {mode: 'false'|'throw'|'false0', count}.
function lms(preset, faults = {}) {
  const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  if (preset) api.loadFromJSON(preset);
  const calls = [];
  let injected = null;
  for (const fn of FNS) {
    const orig = api[fn].bind(api);
    api[fn] = (...args) => {
      const f = faults[fn];
      if (fn === 'LMSGetLastError' && injected) { const c = injected; injected = null; return c; }
      if (f && (f.count == null || f.count > 0)) {
        if (f.count != null) f.count--;
        calls.push([fn, ...args, 'fault']);
        if (f.mode === 'throw') throw new Error('injected');
        if (f.mode === 'false0') { orig(...args); return 'false'; }
        injected = '101';
        return 'false';
      }
      const r = orig(...args);
      calls.push([fn, ...args, r]);
      return r;
    };
  }
  const cmi = () => JSON.parse(api.renderCMIToJSONString());
  return { api, calls, cmi };
}

// A player context whose timers only run when the test says so.
function player(api, extra = {}) {
  const timers = [];
  const ctx = load(['scorm.js', 'state.js'], {
    API: api,
    setTimeout: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimeout: (id) => { if (id && timers[id - 1]) timers[id - 1].fn = null; },
    ...extra,
  });
  const run = () => {
    const due = timers.filter((t) => t.fn);
    const t = due[due.length - 1];
    const fn = t && t.fn;
    timers.forEach((x) => { x.fn = null; });
    if (fn) fn();
    return t && t.ms;
  };
  return { SB: ctx.SB, run, timers };
}

test('finds the API on its own window, up the parents, past a cross-origin frame, and on the opener', () => {
  const { SB } = load();
  const api = { LMSInitialize() {} };
  const top = { API: api }; top.parent = top;
  const foreign = { parent: top, get API() { throw new Error('SecurityError'); } };
  const frame = { parent: foreign };
  assert.equal(SB.findAPI(frame), api);
  const own = { API: api }; own.parent = own;
  assert.equal(SB.findAPI(own), api);
  const popup = { opener: frame, top: null }; popup.parent = popup; popup.top = popup;
  assert.equal(SB.findAPI(popup), api);
  const alone = {}; alone.parent = alone; alone.top = alone;
  assert.equal(SB.findAPI(alone), null);
  let endless = {}; const start = endless;
  for (let i = 0; i < 1000; i++) { endless.parent = {}; endless = endless.parent; }
  assert.equal(SB.findAPI(start), null);  // bounded walk, no hang
});

test('CMITimespan and CMITime formats', () => {
  const { SB } = load();
  assert.equal(SB.timespan(0), '0000:00:00');
  assert.equal(SB.timespan(90500), '0000:01:30.50');
  assert.equal(SB.timespan(3723456), '0001:02:03.46');
  assert.equal(SB.timespan(36 * 3600e3 + 5), '0036:00:00.01');
  assert.equal(SB.timespan(1e13), '9999:59:59.99');
  assert.equal(SB.timespan(-5), '0000:00:00');
  assert.match(SB.timespan(123456789), /^\d{4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/);
  assert.equal(SB.clock(new Date(2026, 0, 1, 7, 5, 9)), '07:05:09');
});

test('puts, commits and finishes exactly once, with exit and session time before LMSFinish', () => {
  const L = lms();
  const { SB } = player(L.api);
  assert.equal(SB.lms.start('k'), true);
  SB.lms.put('cmi.core.lesson_location', 'p2');
  SB.lms.put('cmi.suspend_data', '{"v":2}');
  assert.equal(SB.lms.commit(), true);
  SB.lms.put('cmi.core.lesson_location', 'p2');  // unchanged: not sent again
  SB.lms.finish('suspend');
  SB.lms.finish('');
  SB.lms.put('cmi.core.lesson_location', 'p3');
  SB.lms.commit();
  const fns = L.calls.map((c) => c[0] + (c[0] === 'LMSSetValue' ? ' ' + c[1] : ''));
  assert.deepEqual(fns, ['LMSInitialize', 'LMSSetValue cmi.core.lesson_location', 'LMSSetValue cmi.suspend_data', 'LMSCommit',
    'LMSSetValue cmi.core.exit', 'LMSSetValue cmi.core.session_time', 'LMSFinish']);
  assert.match(L.calls[5][2], /^\d{4}:\d\d:\d\d(\.\d\d?)?$/);
  assert.equal(L.cmi().cmi.core.lesson_location, 'p2');
});

test('a set that returns "false" with error 0 counts as done', () => {
  const L = lms(null, { LMSSetValue: { mode: 'false0' } });
  const { SB } = player(L.api);
  let warned = false;
  SB.lms.onChange = () => { warned = true; };
  SB.lms.start('k');
  SB.lms.put('cmi.core.lesson_location', 'p1');
  assert.equal(SB.lms.commit(), true);
  assert.equal(warned, false);
});

for (const [fn, mode] of [['LMSSetValue', 'false'], ['LMSSetValue', 'throw'], ['LMSCommit', 'false'], ['LMSCommit', 'throw']]) {
  test(`${fn} ${mode}: warns, retries with backoff, and sends the whole state once it recovers`, () => {
    const L = lms(null, { [fn]: { mode, count: 3 } });
    const { SB, run } = player(L.api);
    const seen = [];
    SB.lms.onChange = (failing) => seen.push(failing);
    SB.lms.start('k');
    SB.lms.put('cmi.core.lesson_status', 'incomplete');
    SB.lms.put('cmi.core.lesson_location', 'p1');
    assert.equal(SB.lms.commit(), false);
    SB.lms.put('cmi.core.lesson_location', 'p2');
    SB.lms.commitSoon(0);  // a retry is due: it is not brought forward
    const delays = [];
    for (let i = 0; i < 6 && SB.lms.failing; i++) delays.push(run());
    assert.equal(SB.lms.failing, false);
    assert.deepEqual(seen, [true, false]);
    assert.ok(delays[0] >= 1000 && delays.every((d, i) => i === 0 || d > delays[i - 1]), `backoff ${delays}`);
    const c = L.cmi().cmi.core;
    assert.equal(c.lesson_location, 'p2');
    assert.equal(c.lesson_status, 'incomplete');
    const accepted = L.calls.filter((x) => x[0] === 'LMSSetValue' && x[1] === 'cmi.core.lesson_status' && x[3] === 'true');
    // A failed commit may have lost what the LMS had accepted: it is sent again.
    if (fn === 'LMSCommit') assert.ok(accepted.length >= 2, `lesson_status sent ${accepted.length} times`);
  });
}

test('LMSInitialize false: keeps working, retries, and sends everything once it starts', () => {
  const L = lms(null, { LMSInitialize: { mode: 'false', count: 2 } });
  const { SB, run } = player(L.api);
  let late = 0;
  SB.lms.onLateStart = () => { late++; SB.lms.put('cmi.core.lesson_status', 'incomplete'); };
  assert.equal(SB.lms.start('k'), false);
  assert.equal(SB.lms.failing, true);
  SB.lms.put('cmi.core.lesson_location', 'p4');
  SB.lms.append(0, [['id', 'q1'], ['type', 'choice'], ['student_response', 'b'], ['result', 'correct']]);
  run(); run();
  assert.equal(late, 1);
  assert.equal(SB.lms.failing, false);
  const c = L.cmi().cmi;
  assert.equal(c.core.lesson_location, 'p4');
  assert.equal(c.core.lesson_status, 'incomplete');
  assert.equal(c.interactions['0'].id, 'q1');
  assert.equal(L.calls.filter((x) => x[0] !== 'LMSInitialize' && x[0] !== 'LMSGetLastError')[0][0], 'LMSSetValue');
});

test('a value the LMS refuses (405) is dropped instead of retried for ever', () => {
  const L = lms();
  const { SB } = player(L.api);
  SB.lms.start('k');
  SB.lms.put('cmi.core.score.raw', '150');
  SB.lms.put('cmi.core.lesson_location', 'p1');
  assert.equal(SB.lms.commit(), true);
  assert.equal(SB.lms.failing, false);
  assert.equal(L.cmi().cmi.core.lesson_location, 'p1');
});

test('interactions are appended in order and a failed one is written again at the same index', () => {
  const L = lms();
  const { SB, run } = player(L.api);
  SB.lms.start('k');
  SB.lms.append(0, [['id', 'q1'], ['type', 'true-false'], ['student_response', 't'], ['result', 'correct'], ['correct_responses.0.pattern', 't']]);
  assert.equal(SB.lms.commit(), true);
  const faults = { count: 2 };
  const orig = L.api.LMSSetValue;
  L.api.LMSSetValue = (el, v) => (el.endsWith('.type') && faults.count-- > 0 ? 'false' : orig(el, v));
  SB.lms.append(1, [['id', 'q2'], ['type', 'choice'], ['student_response', 'a,c'], ['result', 'wrong'], ['latency', '0000:00:12']]);
  SB.lms.commit();
  run(); run();
  const i = L.cmi().cmi.interactions;
  assert.equal(Object.keys(i).length, 2);
  assert.equal(i['1'].id, 'q2');
  assert.equal(i['1'].student_response, 'a,c');
  assert.equal(i['1'].latency, '00:00:12');
});

test('standalone: no API anywhere, progress kept in localStorage across launches', () => {
  const store = new Map();
  const localStorage = { getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)) };
  const first = player(undefined, { localStorage }).SB;
  first.lms.start('sb:kurs:omsorg:index');
  assert.equal(first.lms.standalone, true);
  assert.equal(first.lms.get('cmi.core.entry'), '');
  first.lms.put('cmi.core.lesson_location', 'p7');
  first.lms.put('cmi.suspend_data', '{"v":2}');
  first.lms.finish('suspend');
  const again = player(undefined, { localStorage }).SB;
  again.lms.start('sb:kurs:omsorg:index');
  assert.equal(again.lms.get('cmi.core.entry'), 'resume');
  assert.equal(again.lms.get('cmi.core.lesson_location'), 'p7');
  assert.equal(again.lms.get('cmi.suspend_data'), '{"v":2}');
  const other = player(undefined, { localStorage }).SB;
  other.lms.start('sb:kurs:chefer:index');
  assert.equal(other.lms.get('cmi.core.lesson_location'), '');
});

test('a commit already due is never postponed by later changes', () => {
  const L = lms();
  const { SB, timers } = player(L.api);
  SB.lms.start('k');
  SB.lms.commitSoon();   // a page change: the debounce
  SB.lms.commitSoon(0);  // a test result: at once
  SB.lms.commitSoon();   // the save right after it must not push it back
  const live = timers.filter((t) => t.fn);
  assert.equal(live.length, 1);
  assert.equal(live[0].ms, 0);
});

test('typing postpones the commit, but never beyond five seconds after the first change', () => {
  const L = lms();
  const clock = { t: 1000 };
  const { SB, timers } = player(L.api, { Date: { now: () => clock.t } });
  SB.lms.start('k');
  const due = () => { const live = timers.filter((t) => t.fn); assert.equal(live.length, 1); return live[0].ms; };
  SB.lms.commitSoon();
  assert.equal(due(), 500);
  for (let i = 0; i < 30; i++) { clock.t += 200; SB.lms.commitSoon(); }  // a keystroke every 200 ms
  assert.equal(due(), 0);  // 6 s after the first keystroke: commit now
  clock.t += 100;
  SB.lms.commit();
  SB.lms.commitSoon();
  assert.equal(due(), 500);  // a new round
  const calls = L.calls.filter((c) => c[0] === 'LMSCommit').length;
  assert.equal(calls, 1);
});
