// The question type modules (player/questions/*.js): each registers itself whatever the load
// order, and scores as model/question.py and the type modules in scorm_builder/questions/ do.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { load, PLAYER } from './load.mjs';

const MODULES = fs.readdirSync(path.join(PLAYER, 'questions')).filter((f) => f.endsWith('.js')).sort();
const kit = {
  letters: 'abcdefghijklmnopqrstuvwxyz',
  sorted: (s) => s.split(',').sort().join(','),
  t: (k) => ({ quiz_true: 'Sant', quiz_false: 'Falskt' })[k],
};
const types = load(MODULES.map((f) => 'questions/' + f)).SB.questionTypes;

test('every module registers the type it is named for, in any load order', () => {
  const reversed = load(MODULES.map((f) => 'questions/' + f).reverse()).SB.questionTypes;
  const names = MODULES.map((f) => f.replace(/\.js$/, ''));
  assert.deepEqual(Object.keys(types).sort(), names);
  assert.deepEqual(Object.keys(reversed).sort(), names);
});

test('fill-in: typographic quotes, case, spaces and Unicode forms do not count', () => {
  const q = { accepted: ['O’Brien', '”arton”', 'arton år'] };
  for (const typed of ["O'Brien", 'o’brien', '"arton"', '  ARTON   ÅR ', 'arton a\u030Ar']) {
    assert.equal(types.fillin.isRight(q, typed, kit), true, typed);
  }
  assert.equal(types.fillin.isRight(q, 'OBrien', kit), false);
  assert.equal(types.fillin.response(q, '  arton  ', kit), 'arton');
  assert.equal(types.fillin.key(q), 'O’Brien');
});

test('multiple choice and matching: the order of the parts does not matter', () => {
  assert.equal(types.multiple.isRight({ pattern: 'a,c' }, 'c,a', kit), true);
  assert.equal(types.multiple.isRight({ pattern: 'a,c' }, 'a', kit), false);
  assert.equal(types.matching.isRight({ pattern: '1.a,2.b' }, '2.b,1.a', kit), true);
});

test('ordering: items sharing a position are not placed', () => {
  const q = { sequence: ['x', 'y', 'z'] };
  assert.equal(types.ordering.response(q, '2,1,3', kit), 'b,a,c');
  assert.equal(types.ordering.response(q, '1,1,2', kit), 'c');
  assert.equal(types.ordering.response(q, '1,1,', kit), null);
});

test('likert and reflection are never scored; only reflection keeps its own answer', () => {
  assert.equal(types.likert.scored, false);
  assert.equal(types.reflection.scored, false);
  assert.equal(typeof types.reflection.init, 'function');
  assert.equal(types.likert.init, undefined);
});

test('descriptions for the results page', () => {
  assert.equal(types.truefalse.describe({}, 't', kit), 'Sant');
  assert.equal(types.single.describe({ options: [{ text: 'A' }, { text: 'B' }] }, 'b', kit), 'B');
  assert.equal(types.ordering.describe({ sequence: ['x', 'y'] }, 'b,a', kit), 'y, x');
});
