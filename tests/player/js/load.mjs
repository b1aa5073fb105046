// Loads player sources into a fresh V8 context whose global object is its `window`.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

export const PLAYER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scorm_builder/player');

export function load(files = ['modules.js', 'scorm.js', 'progress.js', 'tracker.js'], globals = {}) {
  const ctx = { console, setTimeout, clearTimeout, ...globals };
  ctx.window = ctx;
  vm.createContext(ctx);
  for (const f of files) vm.runInContext(fs.readFileSync(path.join(PLAYER, f), 'utf8'), ctx, { filename: f });
  return ctx;
}

// Plain copies of values from the other realm, so deepStrictEqual compares data, not prototypes.
export const plain = (v) => JSON.parse(JSON.stringify(v));

// Course data as render/pages.py writes it: n pages with short stable keys.
export function course(n, { build = 'a1b2c3d4e5f6', completion = 'pages', keys } = {}) {
  const pages = [];
  for (let i = 0; i < n; i++) {
    const key = keys ? keys[i] : 'k' + i.toString(36).padStart(3, '0');
    pages.push({ id: `${String(1 + (i / 10 | 0)).padStart(2, '0')}-lektion-${i}`, key, title: `Sida ${i}`, lesson: 'l' });
  }
  return { format: 1, course: 'kurs', version: '1.0', audience: 'omsorg', sco: 'index', build, completion, mastery: 80, pages };
}
