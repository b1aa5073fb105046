"""The player scores as the Python records do: for every scored type, quiz.js with the type's
module (player/questions/) and the record's is_correct (scorm_builder/questions/) agree on the
same responses, right ones and wrong ones. The playback tests re-score what an LMS recorded with
the Python side, so a disagreement would otherwise only show as a flaky playback."""
from __future__ import annotations

import json
import subprocess

from scorm_builder.render.pages import PLAYER_DIR
from support import ROOT

NODE = """
const vm = require('vm'), fs = require('fs'), path = require('path');
const ctx = {}; ctx.window = ctx; vm.createContext(ctx);
const dir = process.argv[1];
// modules.js (when the player has it) makes SB.quiz from quiz.js's registration
const files = ['modules.js', 'pages.js', 'quiz.js'].filter(f => fs.existsSync(path.join(dir, f))).concat(fs.readdirSync(path.join(dir, 'questions')).sort().map(f => 'questions/' + f));
for (const f of files) vm.runInContext(fs.readFileSync(path.join(dir, f), 'utf8'), ctx, { filename: f });
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
console.log(JSON.stringify(cases.map(([q, resp]) => ctx.SB.quiz.isRight(q, resp))));
"""
SOURCES = {
    "single": ("::: fråga enval\nVilket?\n\n- [ ] A\n- [x] B\n- [ ] C\n:::", ["b", "a", "c", "b,c", ""]),
    "multiple": ("::: fråga flerval\nVilka?\n\n- [x] A\n- [ ] B\n- [x] C\n:::", ["a,c", "c,a", "a", "a,b,c", "b"]),
    "truefalse": ("::: fråga santfalskt\nSant?\n\nsvar: falskt\n:::", ["f", "t", ""]),
    "fillin": ("::: fråga fritext\nVem?\n\nsvar: O’Brien | arton år\n:::",
               ["O'Brien", "o’brien", "  ARTON   ÅR ", "arton a\u030ar", "１８", "OBrien", "arton"]),
    "matching": ("::: fråga para\nPara.\n\n- A = x\n- B = y\n- C = x\n:::", ["1.a,2.b,3.a", "3.a,1.a,2.b", "1.a,2.b",
                                                                         "1.b,2.a,3.a"]),
    "ordering": ("::: fråga ordning\nOrdna.\n\n1. A\n2. B\n3. C\n:::", ["a,b,c", "c,b,a", "a,b"]),
    "scenario": ("::: fråga scenario\nVad gör du?\n\n## start\n- Frågar -> bra\n- Tiger -> illa\n\n## bra\nslut: bra\n\n"
                 "## illa\nslut: dåligt\n:::", ["start,bra", "start,illa", "start", "bra", "start,bra,x"]),
}


def test_player_and_python_agree(page):
    cases, expected = [], []
    for kind, (source, responses) in SOURCES.items():
        q = page(source).question
        assert q.type == kind
        for resp in responses:
            cases.append([q.to_data(), resp])
            expected.append(q.is_correct(resp) if resp else False)  # quiz.js: no response is never right
    run = subprocess.run(["node", "-e", NODE, str(PLAYER_DIR)], input=json.dumps(cases), capture_output=True,
                         text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert [(c[0]["type"], c[1], g) for c, g in zip(cases, got)] == \
           [(c[0]["type"], c[1], e) for c, e in zip(cases, expected)]
    assert sorted({c[0]["type"] for c in cases}) == sorted(SOURCES)
    assert True in expected and expected.count(False) > len(SOURCES)  # both verdicts are exercised
