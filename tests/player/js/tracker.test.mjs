// The tracker (and the API adapter under it) against scorm-again, the real SCORM 1.2 runtime we
// play packages with, with faults and slowness injected around its API methods. Timers and the
// clock are the test's: a task runs only when the test says so.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Scorm12API } from 'scorm-again/scorm12';
import { load, course } from './load.mjs';

const FNS = ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError'];

// An LMS that records every call with the task it came from; faults[fn] = {mode, count, when(el)}:
// 'false' (error 101), 'throw', 'false0' (error 0: a success), 'false405'. `slow` ms per call.
function lms(preset, faults = {}, env = { task: 'test', clock: { t: 0 }, slow: 0 }) {
  const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  if (preset) api.loadFromJSON(preset);
  const calls = [];
  let injected = null;
  for (const fn of FNS) {
    const orig = api[fn].bind(api);
    api[fn] = (...args) => {
      env.clock.t += env.slow;
      const f = faults[fn];
      if (fn === 'LMSGetLastError' && injected) { const c = injected; injected = null; return c; }
      if (f && (f.count == null || f.count > 0) && (!f.when || f.when(...args))) {
        if (f.count != null) f.count--;
        calls.push([fn, ...args, 'fault', env.task]);
        if (f.mode === 'throw') throw new Error('injected');
        if (f.mode === 'false0') { orig(...args); return 'false'; }
        injected = f.mode === 'false405' ? '405' : '101';
        return 'false';
      }
      const r = orig(...args);
      calls.push([fn, ...args, r, env.task]);
      return r;
    };
  }
  const cmi = () => JSON.parse(api.renderCMIToJSONString()).cmi;
  return { api, calls, cmi, env };
}

// A player (modules, adapter, progress, tracker) on `api`, with the test's timers and clock.
function player(L, { data = course(3, { completion: 'pages' }), extra = {} } = {}) {
  const env = L ? L.env : { task: 'test', clock: { t: 0 } };
  const timers = [];
  class FakeDate extends Date { static now() { return env.clock.t; } }
  const ctx = load(undefined, {
    API: L && L.api,
    Date: FakeDate,
    setTimeout: (fn, ms) => { timers.push({ fn, at: env.clock.t + (ms || 0), ms }); return timers.length; },
    clearTimeout: (id) => { if (id && timers[id - 1]) timers[id - 1].fn = null; },
    ...extra,
  });
  const events = [];
  const hooks = {
    ready: (r) => events.push(['ready', r.resume, r.learner]),
    change: (failing, kind) => events.push(['change', failing, kind]),
    busy: (on) => events.push(['busy', on]),
    done: (saved) => events.push(['done', saved]),
  };
  let tasks = 0;
  // Runs the earliest live timer as its own task; returns its delay, or undefined when none is left.
  const tick = () => {
    const live = timers.filter((t) => t.fn).sort((a, b) => a.at - b.at);
    if (!live.length) return undefined;
    const t = live[0], fn = t.fn;
    t.fn = null;
    env.clock.t = Math.max(env.clock.t, t.at);
    env.task = 'task' + ++tasks;
    fn();
    env.task = 'test';
    return t.ms;
  };
  const drain = (max = 500) => { for (let i = 0; i < max && tick() !== undefined;) i++; };
  const SB = ctx.SB;
  const begin = () => { SB.tracker.open(data, ctx); SB.tracker.start(hooks); };
  return { SB, ctx, tracker: SB.tracker, data, timers, events, tick, drain, begin };
}

const names = (calls) => calls.filter((c) => c[0] !== 'LMSGetLastError').map((c) => c[0] + (c[0] === 'LMSSetValue' || c[0] === 'LMSGetValue' ? ' ' + c[1] : ''));

test('finds the API on its own window, up the parents, past a cross-origin frame, and on the opener', () => {
  const { SB } = load();
  const api = { LMSInitialize() {} };
  const top = { API: api }; top.parent = top;
  const foreign = { parent: top, get API() { throw new Error('SecurityError'); } };
  const frame = { parent: foreign };
  assert.equal(SB.scorm.findAPI(frame), api);
  const own = { API: api }; own.parent = own;
  assert.equal(SB.scorm.findAPI(own), api);
  const popup = { opener: frame, top: null }; popup.parent = popup; popup.top = popup;
  assert.equal(SB.scorm.findAPI(popup), api);
  const alone = {}; alone.parent = alone; alone.top = alone;
  assert.equal(SB.scorm.findAPI(alone), null);
  let endless = {}; const start = endless;
  for (let i = 0; i < 1000; i++) { endless.parent = {}; endless = endless.parent; }
  assert.equal(SB.scorm.findAPI(start), null);  // bounded walk, no hang
});

test('CMITimespan and CMITime formats', () => {
  const { scorm } = load().SB;
  assert.equal(scorm.timespan(0), '0000:00:00');
  assert.equal(scorm.timespan(90500), '0000:01:30.50');
  assert.equal(scorm.timespan(3723456), '0001:02:03.46');
  assert.equal(scorm.timespan(36 * 3600e3 + 5), '0036:00:00.01');
  assert.equal(scorm.timespan(1e13), '9999:59:59.99');
  assert.equal(scorm.timespan(-5), '0000:00:00');
  assert.match(scorm.timespan(123456789), /^\d{4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/);
  assert.equal(scorm.clock(new Date(2026, 0, 1, 7, 5, 9)), '07:05:09');
});

test('modules register explicitly: any concatenation order gives the same player', () => {
  for (const files of [['tracker.js', 'progress.js', 'scorm.js', 'modules.js'], ['progress.js', 'modules.js', 'tracker.js', 'scorm.js']]) {
    const { SB } = load(files);
    assert.equal(typeof SB.tracker.pageSeen, 'function', files.join());
    assert.equal(typeof SB.progress.encode, 'function');
    assert.equal(SB.scorm.timespan(1000), '0000:00:01');
  }
  const { SB } = load(['tracker.js', 'progress.js']);  // a module whose needs never arrive is not made
  assert.equal(SB.tracker, undefined);
});

test('reads the LMS once after LMSInitialize, writes nothing before that, finishes exactly once with exit and time last', () => {
  const L = lms({ core: { student_name: 'Andersson, Anna' } });
  const p = player(L);
  p.begin();
  assert.deepEqual(p.events, [['ready', null, 'Andersson, Anna']]);
  p.tracker.pageSeen(p.data.pages[1].id);
  assert.equal(L.calls.filter((c) => c[0] === 'LMSSetValue').length, 0);  // nothing on the interaction path
  p.drain();
  p.tracker.pageSeen(p.data.pages[1].id);  // unchanged apart from nothing: no second round
  p.drain();
  p.tracker.finish(true);
  p.tracker.finish(true);
  p.tracker.pageSeen(p.data.pages[2].id);
  p.tracker.commitNow();
  p.drain();
  assert.deepEqual(names(L.calls), ['LMSInitialize',
    'LMSGetValue cmi.core.entry', 'LMSGetValue cmi.core.lesson_location', 'LMSGetValue cmi.suspend_data',
    'LMSGetValue cmi.core.student_name', 'LMSGetValue cmi.core.lesson_mode', 'LMSGetValue cmi.core.lesson_status',
    'LMSGetValue cmi.student_data.mastery_score', 'LMSGetValue cmi.interactions._count',
    'LMSSetValue cmi.suspend_data', 'LMSSetValue cmi.core.lesson_status', 'LMSSetValue cmi.core.lesson_location', 'LMSCommit',
    'LMSSetValue cmi.core.exit', 'LMSSetValue cmi.core.session_time', 'LMSFinish']);
  assert.match(L.calls.at(-2)[2], /^\d{4}:\d\d:\d\d(\.\d\d?)?$/);
  assert.equal(L.calls.at(-3)[2], 'suspend');  // pages unseen: resumable
  assert.deepEqual(p.events.at(-1), ['done', true]);
  const c = L.cmi().core;
  assert.equal(c.lesson_location, p.data.pages[1].id);
  assert.equal(c.lesson_status, 'incomplete');
});

test('a resumed session merges the LMS state and offers its bookmark', () => {
  const data = course(3);
  const first = player(lms(), { data });
  first.begin();
  first.tracker.pageSeen(data.pages[0].id);
  first.tracker.pageSeen(data.pages[1].id);
  first.tracker.finish(true);
  const saved = first.SB.state;
  const L = lms({ core: { entry: 'resume', lesson_location: data.pages[1].id, lesson_status: 'incomplete' },
                  suspend_data: first.SB.progress.encode(saved, data) });
  const p = player(L, { data });
  p.begin();
  assert.deepEqual(p.events, [['ready', data.pages[1].id, '']]);
  assert.deepEqual(Object.keys(p.SB.state.seen).sort(), [data.pages[0].id, data.pages[1].id]);
});

test('a set that returns "false" with error 0 counts as done', () => {
  const L = lms(null, { LMSSetValue: { mode: 'false0' } });
  const p = player(L);
  p.begin();
  p.tracker.pageSeen(p.data.pages[0].id);
  p.drain();
  assert.equal(p.events.some((e) => e[0] === 'change'), false);
  assert.equal(p.tracker.failing(), false);
});

for (const [fn, mode] of [['LMSSetValue', 'false'], ['LMSSetValue', 'throw'], ['LMSCommit', 'false'], ['LMSCommit', 'throw']]) {
  test(`${fn} ${mode}: warns, retries with backoff, and sends the whole state once it recovers`, () => {
    const L = lms(null, { [fn]: { mode, count: 3 } });
    const p = player(L);
    p.begin();
    p.tracker.pageSeen(p.data.pages[0].id);
    p.tick();
    assert.equal(p.tracker.failing(), true);
    p.tracker.pageSeen(p.data.pages[1].id);
    const delays = [];
    for (let i = 0; i < 8 && p.tracker.failing(); i++) delays.push(p.tick());
    assert.equal(p.tracker.failing(), false);
    assert.deepEqual(p.events.filter((e) => e[0] === 'change').map((e) => e[1]), [true, false]);
    assert.ok(delays[0] >= 1000 && delays.every((d, i) => i === 0 || d > delays[i - 1]), `backoff ${delays}`);
    const c = L.cmi().core;
    assert.equal(c.lesson_location, p.data.pages[1].id);
    assert.equal(c.lesson_status, 'incomplete');
    const accepted = L.calls.filter((x) => x[0] === 'LMSSetValue' && x[1] === 'cmi.core.lesson_status' && x[3] === 'true');
    // A failed commit may have lost what the LMS had accepted: it is sent again.
    if (fn === 'LMSCommit') assert.ok(accepted.length >= 2, `lesson_status sent ${accepted.length} times`);
  });
}

test('LMSInitialize false: the course runs at once on a fresh state, retries, and sends everything once it starts', () => {
  const L = lms({ core: { student_name: 'Berg, Bo' } }, { LMSInitialize: { mode: 'false', count: 2 } });
  const p = player(L);
  p.begin();
  assert.deepEqual(p.events, [['change', true, 'init-failed'], ['ready', null, '']]);
  p.tracker.pageSeen(p.data.pages[2].id);
  p.tracker.interaction({ id: 'q1', type: 'choice', response: 'b', result: 'correct' });
  p.drain();
  assert.equal(p.tracker.failing(), false);
  assert.deepEqual(p.events.slice(2).map((e) => e[0]), ['ready', 'change']);  // the late start: the learner's name
  const c = L.cmi();
  assert.equal(c.core.lesson_location, p.data.pages[2].id);
  assert.equal(c.core.lesson_status, 'incomplete');
  assert.equal(c.interactions['0'].id, 'q1');
  const fns = L.calls.map((x) => x[0]).filter((f) => f !== 'LMSGetLastError');
  assert.deepEqual(fns.slice(0, 4), ['LMSInitialize', 'LMSInitialize', 'LMSInitialize', 'LMSGetValue']);
});

test('a value the LMS refuses (405) is dropped instead of retried for ever', () => {
  const L = lms(null, { LMSSetValue: { mode: 'false405', when: (el) => el === 'cmi.core.lesson_location' } });
  const p = player(L);
  p.begin();
  p.tracker.pageSeen(p.data.pages[1].id);
  p.drain();
  assert.equal(p.tracker.failing(), false);
  assert.equal(L.calls.filter((c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.lesson_location').length, 1);
  assert.equal(L.cmi().core.lesson_status, 'incomplete');
});

test('interactions are appended in order and a failed one is written again at the same index', () => {
  const L = lms(null, { LMSSetValue: { mode: 'false', count: 2, when: (el) => el === 'cmi.interactions.1.type' } });
  const p = player(L);
  p.begin();
  p.tracker.interaction({ id: 'q1', type: 'true-false', response: 't', result: 'correct', pattern: 't' });
  p.drain();
  p.tracker.interaction({ id: 'Fråga två', type: 'choice', response: 'a,c', result: 'wrong', latencyMs: 12000 });
  p.drain();
  const i = L.cmi().interactions;
  assert.equal(Object.keys(i).length, 2);
  assert.equal(i['1'].id, 'Fragatva');
  assert.equal(i['1'].student_response, 'a,c');
  assert.equal(i['1'].latency, '00:00:12');
  assert.equal(p.SB.state.n, 2);
});

test('standalone: no API anywhere, progress kept in localStorage across launches', () => {
  const store = new Map();
  const localStorage = { getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)) };
  const data = course(3);
  const first = player(null, { data, extra: { localStorage } });
  first.begin();
  assert.equal(first.tracker.standalone(), true);
  first.tracker.pageSeen(data.pages[2].id);
  first.tracker.finish(true);
  assert.deepEqual(first.events.at(-1), ['done', true]);
  const again = player(null, { data, extra: { localStorage } });
  again.begin();
  assert.deepEqual(again.events, [['ready', data.pages[2].id, '']]);  // entry "resume", the bookmark
  const other = player(null, { data: { ...data, audience: 'chefer' }, extra: { localStorage } });
  other.begin();
  assert.deepEqual(other.events, [['ready', null, '']]);
  const level = player(null, { data: { ...data, level: 'fordjupning' }, extra: { localStorage } });
  level.begin();
  assert.deepEqual(level.events, [['ready', null, '']]);   // another level is another variant
});

test('a commit already due is never postponed by later changes', () => {
  const p = player(lms());
  p.begin();
  p.tracker.pageSeen(p.data.pages[0].id);            // a page change: the debounce
  p.tracker.testResult({ score: 50, passed: false });  // a test result: at once
  p.tracker.saveState();                              // the save right after it must not push it back
  const live = p.timers.filter((t) => t.fn);
  assert.equal(live.length, 1);
  assert.equal(live[0].ms, 0);
});

test('typing postpones the commit, but never beyond five seconds after the first change', () => {
  const L = lms();
  const p = player(L);
  p.begin();
  const due = () => { const live = p.timers.filter((t) => t.fn); assert.equal(live.length, 1); return live[0].ms; };
  p.tracker.saveState();
  assert.equal(due(), 500);
  for (let i = 0; i < 30; i++) { L.env.clock.t += 200; p.tracker.saveState(); }  // a keystroke every 200 ms
  assert.equal(due(), 0);  // 6 s after the first keystroke: commit now
  p.tick();
  p.tracker.saveState();
  assert.equal(due(), 500);  // a new round
  assert.equal(L.calls.filter((c) => c[0] === 'LMSCommit').length, 1);
});

// A slow LMS: every call takes 3 s of the page's one thread.
function slow(preset, faults) {
  return lms(preset, faults, { task: 'test', clock: { t: 0 }, slow: 3000 });
}

const apiCalls = (L, task) => L.calls.filter((c) => c[0] !== 'LMSGetLastError' && c.at(-1) === task);

test('a slow LMS: no call on the interaction path, at most one per task, a busy state, nothing lost', () => {
  const L = slow();
  const p = player(L, { data: course(3, { completion: 'test' }) });
  p.tracker.open(p.data);
  assert.deepEqual(names(L.calls), ['LMSInitialize']);  // the launch page goes on being parsed after one call
  const hooks = [];
  p.tracker.start({ ready: (r) => hooks.push('ready'), busy: (on) => hooks.push(on ? 'busy' : 'idle'), done: (s) => hooks.push('done ' + s) });
  assert.deepEqual(hooks, []);  // the LMS state is not in yet: the page is shown without it
  p.tracker.pageSeen(p.data.pages[0].id);
  p.tracker.pageSeen(p.data.pages[1].id);
  p.tracker.interaction({ id: 'q1', type: 'choice', response: 'b', result: 'correct' });
  p.tracker.testResult({ score: 100, passed: true });
  p.tracker.finish();
  assert.equal(apiCalls(L, 'test').length, 1, 'only LMSInitialize ran outside a task of its own');
  p.drain();
  const perTask = {};
  L.calls.filter((c) => c[0] !== 'LMSGetLastError').forEach((c) => { perTask[c.at(-1)] = (perTask[c.at(-1)] || 0) + 1; });
  assert.ok(Object.values(perTask).every((n) => n === 1), JSON.stringify(perTask));
  assert.deepEqual(hooks.filter((h, i) => h !== hooks[i - 1]), ['ready', 'busy', 'done true', 'idle']);
  const c = L.cmi();
  assert.equal(c.core.lesson_status, 'passed');
  assert.equal(c.core.score.raw, '100');
  assert.equal(c.interactions['0'].result, 'correct');
  assert.equal(c.core.exit, '');
  assert.equal(names(L.calls).at(-1), 'LMSFinish');
});

test('a slow LMS: a page going away finishes everything in that one task', () => {
  const L = slow();
  const p = player(L);
  p.begin();
  p.tick();  // one read done, seven to go
  p.tracker.pageSeen(p.data.pages[2].id);
  p.tracker.finish();  // Avsluta: spread over tasks
  p.tick();
  p.tracker.finish(true);  // then pagehide: the rest at once
  assert.equal(p.events.at(-1)[0], 'done');
  assert.equal(p.events.at(-1)[1], true);
  assert.equal(p.timers.filter((t) => t.fn).length <= 1, true);
  p.drain();
  assert.equal(names(L.calls).filter((n) => n === 'LMSFinish').length, 1);
  assert.equal(L.cmi().core.lesson_location, p.data.pages[2].id);
  assert.equal(L.cmi().suspend_data.length > 0, true);
});

test('the closing screen says "not saved" only when progress is unconfirmed', () => {
  const finishWith = (faults, { change = false, keepLMSFinish = true } = {}) => {
    const L = lms(null, faults);
    if (!keepLMSFinish) delete L.api.LMSFinish;
    const p = player(L);
    p.begin();
    p.tracker.pageSeen(p.data.pages[1].id);
    p.drain();  // committed
    if (change) p.tracker.pageSeen(p.data.pages[2].id);  // set during finishing, never committed
    p.tracker.finish();
    p.drain();
    return { saved: p.events.at(-1)[1], calls: names(L.calls) };
  };
  // A real LMS whose API has no LMSFinish: everything reached it through commits.
  let r = finishWith({}, { keepLMSFinish: false });
  assert.equal(r.saved, true);
  assert.equal(r.calls.at(-1), 'LMSCommit');  // its only way to keep what finishing set
  r = finishWith({}, { keepLMSFinish: false, change: true });
  assert.equal(r.saved, true);
  assert.equal(finishWith({ LMSFinish: { mode: 'false' } }).saved, true);
  assert.equal(finishWith({ LMSFinish: { mode: 'throw' } }).saved, true);
  assert.equal(finishWith({ LMSFinish: { mode: 'false' } }, { change: true }).saved, false);
  // A commit failed and was never retried successfully: unconfirmed, whatever LMSFinish says.
  assert.equal(finishWith({ LMSCommit: { mode: 'false' }, LMSFinish: { mode: 'false' } }).saved, false);
  // A commit failed, but finishing sent it all again and LMSFinish took it.
  assert.equal(finishWith({ LMSCommit: { mode: 'false' } }).saved, true);
  assert.equal(finishWith({ LMSSetValue: { mode: 'false', when: (el) => el === 'cmi.suspend_data' } }).saved, false);
});

test('a slow LMS: finishing before the reads are in still merges what the LMS held, never overwrites it', () => {
  const data = course(4);
  const before = load().SB.progress;
  const held = before.fresh();
  held.seen[data.pages[0].id] = held.seen[data.pages[1].id] = 1;
  held.cur = data.pages[1].id;
  held.t = [90, 1];
  const L = slow({ core: { entry: 'resume', lesson_location: data.pages[1].id, lesson_status: 'incomplete' },
                   suspend_data: before.encode(held, data) });
  const p = player(L, { data });
  p.begin();
  p.tick();                              // one read in
  p.tracker.pageSeen(data.pages[3].id);  // the first page shown at once was the last one
  p.tracker.finish();
  p.drain();
  const after = before.decode(L.cmi().suspend_data, data);
  assert.deepEqual(Object.keys(after.seen).sort(), [data.pages[0].id, data.pages[1].id, data.pages[3].id].sort());
  assert.deepEqual([...after.t], [90, 1]);
  assert.equal(L.cmi().core.exit, 'suspend');
  assert.deepEqual(p.events.filter((e) => e[0] === 'done'), [['done', true]]);
});

test('gone before the course file ran: the session ends, and what the LMS held stays as it was', () => {
  const data = course(4);
  const held = load().SB.progress.fresh();
  held.seen[data.pages[0].id] = 1;
  const suspend = load().SB.progress.encode(held, data);
  const L = lms({ core: { entry: 'resume', lesson_location: data.pages[0].id, lesson_status: 'incomplete' },
                  suspend_data: suspend });
  const { pages, ...launch } = data;      // what the launch page carries; the pages come from its course file
  const p = player(L, { data: launch });
  p.tracker.open(launch, p.ctx);
  p.tracker.finish(true);                 // the page went away before DOMContentLoaded
  p.drain();
  const sets = L.calls.filter((c) => c[0] === 'LMSSetValue').map((c) => c[1]);
  assert.deepEqual(sets, ['cmi.core.exit', 'cmi.core.session_time']);
  assert.equal(names(L.calls).filter((n) => n === 'LMSFinish').length, 1);
  assert.equal(L.cmi().suspend_data, suspend);
  assert.equal(L.cmi().core.lesson_status, 'incomplete');
});
