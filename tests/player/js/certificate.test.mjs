// The certificate's learner name: SCORM 1.2's "Last, First" read as "First Last".
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

// named() takes the LMS's name and returns it as shown
const fullName = load(['modules.js', 'certificate.js']).SB.certificate.named;

test('"Last, First" becomes "First Last"', () => {
  assert.equal(fullName('Andersson, Anna'), 'Anna Andersson');
  assert.equal(fullName('af Klint, Hilma Maria'), 'Hilma Maria af Klint');
});

test('a name without a comma is kept as the LMS sent it', () => {
  assert.equal(fullName('Anna Andersson'), 'Anna Andersson');
  assert.equal(fullName('Cher'), 'Cher');
});

test('extra spaces go, around the comma and inside the parts', () => {
  assert.equal(fullName('  Andersson ,   Anna  '), 'Anna Andersson');
  assert.equal(fullName('Andersson,Anna'), 'Anna Andersson');
  assert.equal(fullName('Andersson,\tAnna   Lena'), 'Anna Lena Andersson');
});

test('an empty or missing name, or half of one, leaves no stray comma or space', () => {
  assert.equal(fullName(''), '');
  assert.equal(fullName('   '), '');
  assert.equal(fullName(undefined), '');
  assert.equal(fullName(','), '');
  assert.equal(fullName('Andersson,'), 'Andersson');
  assert.equal(fullName(', Anna'), 'Anna');
});
