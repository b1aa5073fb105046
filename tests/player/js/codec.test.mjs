// suspend_data codec: size bound, mapping after content changes, migration, corrupt input.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load, plain, course } from './load.mjs';

const { SB: { progress: P } } = load(['modules.js', 'progress.js']);

// Worst case the quiz code keeps: 200 answered questions (short question keys, answers as the
// 1.2 response strings) and a test attempt with 12 drawn questions and their option orders.
function quizState() {
  const a = {};
  for (let i = 0; i < 200; i++) a['q' + i.toString(36)] = ['a,c,d', 't', '1.b,2.a,3.c', 'c,a,b,d', 'arton'][i % 5];
  const drawn = Array.from({ length: 12 }, (_, i) => 'q' + (i * 7).toString(36));
  return { a, t: { n: 2, d: drawn, o: drawn.map(() => 'dbca'), r: Object.fromEntries(drawn.map((q) => [q, 'b'])), s: [55, 83] } };
}

test('500 pages seen and 200 answered questions fit in 4096 characters', () => {
  const data = course(500);
  const st = P.fresh();
  data.pages.forEach((p) => { st.seen[p.id] = 1; });
  st.cur = data.pages[499].id; st.n = 212; st.t = [83, 1]; st.q = quizState();
  const s = P.encode(st, data);
  assert.ok(s !== null && s.length <= 4096, `length ${s && s.length}`);
  const back = P.decode(s, data);
  assert.equal(Object.keys(back.seen).length, 500);
  assert.equal(back.cur, data.pages[499].id);
  assert.equal(back.n, 212);
  assert.deepEqual(plain(back.t), [83, 1]);
  assert.deepEqual(plain(back.q), plain(st.q));
  assert.equal(back.changed, false);
});

test('a small course stores pages by key and survives added, removed and reordered pages', () => {
  const data = course(6);
  const st = P.fresh();
  [0, 2, 5].forEach((i) => { st.seen[data.pages[i].id] = 1; });
  st.cur = data.pages[5].id;
  const s = P.encode(st, data);
  // New build: page 1 removed, a new page in front, the rest reversed.
  const next = course(0, { build: 'ffffffffffff' });
  next.pages = [{ id: 'ny', key: 'knew', title: 'Ny' }].concat(data.pages.filter((_, i) => i !== 1).reverse());
  const back = P.decode(s, next);
  assert.deepEqual(Object.keys(back.seen).sort(), [data.pages[0].id, data.pages[2].id, data.pages[5].id].sort());
  assert.equal(back.cur, data.pages[5].id);
  assert.equal(back.changed, true);
});

test('the bitset form maps onto the same page sequence, and never onto a different one', () => {
  const data = course(500);
  const st = P.fresh();
  data.pages.forEach((p, i) => { if (i % 3 === 0) st.seen[p.id] = 1; });
  st.q = quizState();
  const s = P.encode(st, data);
  assert.ok(!JSON.parse(s).k, 'expected the bitset form for this size');
  const edited = { ...data, build: '000000000000' };  // text edits: same pages
  assert.equal(Object.keys(P.decode(s, edited).seen).length, 167);
  const reordered = { ...data, pages: data.pages.slice().reverse() };
  assert.equal(Object.keys(P.decode(s, reordered).seen).length, 0);
});

test('a state that cannot fit is refused rather than sent over the limit', () => {
  const data = course(3);
  const st = P.fresh();
  st.q = { big: 'x'.repeat(5000) };
  assert.equal(P.encode(st, data), null);
});

test('version 1 data is migrated', () => {
  const data = course(4);
  const v1 = JSON.stringify({ v: 1, build: data.build, page: data.pages[2].key, next: 3,
    seen: [data.pages[0].key, data.pages[2].key], quiz: { a: { q1: 'b' } } });
  const st = P.decode(v1, data);
  assert.equal(st.cur, data.pages[2].id);
  assert.equal(st.n, 3);
  assert.deepEqual(Object.keys(st.seen), [data.pages[0].id, data.pages[2].id]);
  assert.deepEqual(plain(st.q), { a: { q1: 'b' } });
});

test('unknown, foreign and corrupt suspend_data gives null or a safe state, never an exception', () => {
  const data = course(4);
  const bad = ['', 'x=1', '{', 'null', '[]', '42', '"s"', '{"v":99}', '{"v":1}', '{"v":2,"k":5,"c":{},"n":-1,"t":"x","q":[]}',
    '{"v":2,"s":"@@@","h":1}', '{"v":2,"t":[900,1],"n":1.5}', '{"v":1,"seen":"zz"}', '{"v":2,"k":"__proto__,constructor"}'];
  for (const s of bad) {
    let st;
    assert.doesNotThrow(() => { st = P.decode(s, data); }, s);
    if (st) {
      assert.equal(Object.keys(st.seen).length, 0, s);
      assert.equal(st.cur, null, s);
      assert.equal(st.n, 0, s);
      assert.equal(st.t, null, s);
      assert.deepEqual(plain(st.q), {}, s);
    }
  }
});

test('status rules for each completion mode', () => {
  const cases = [
    ['pages', false, null, 'incomplete'], ['pages', true, null, 'completed'],
    ['test', true, null, 'incomplete'], ['test', false, [90, 1], 'passed'], ['test', true, [40, 0], 'failed'],
    ['pages-and-test', true, null, 'incomplete'], ['pages-and-test', false, [90, 1], 'incomplete'],
    ['pages-and-test', true, [90, 1], 'passed'], ['pages-and-test', true, [40, 0], 'failed'],
    ['pages-and-test', false, [40, 0], 'failed'],
  ];
  for (const [mode, all, t, want] of cases) assert.equal(P.statusFor(mode, all, t), want, `${mode} ${all} ${t}`);
});

test('a status the LMS holds is never lowered', () => {
  assert.equal(P.keepBest('passed', 'failed'), 'passed');
  assert.equal(P.keepBest('passed', 'incomplete'), 'passed');
  assert.equal(P.keepBest('completed', 'incomplete'), 'completed');
  assert.equal(P.keepBest('failed', 'passed'), 'passed');
  assert.equal(P.keepBest('not attempted', 'incomplete'), 'incomplete');
  assert.equal(P.keepBest('', 'incomplete'), 'incomplete');
  assert.equal(P.keepBest('incomplete', 'completed'), 'completed');
});
