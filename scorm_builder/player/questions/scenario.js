/* Scenario: one step shown at a time, choices are native buttons. A choice shows its consequence
   in the live region, moves focus to the next step's heading and saves the path; an ending sends
   the path as one performance interaction (step ids, at most 255 characters), result correct,
   wrong or neutral for a good, bad or neutral ending. The saved answer is the path as step
   indexes in base 36 joined by ".", only the last 30 kept: suspend_data holds 4096 characters. */
(function (SB) {
  'use strict';

  var KEEP = 30, MAX = 255, RESULTS = { good: 'correct', bad: 'wrong' };

  /* The ending a path (step ids) stops at: good, bad, neutral, or undefined mid-way. */
  function ending(q, resp) {
    var last = resp.split(',').pop();
    return (q.steps.filter(function (s) { return s.id === last; })[0] || {}).end;
  }

  (SB.questionTypes = SB.questionTypes || {}).scenario = {
    scored: false,
    isRight: function (q, resp) { return ending(q, resp) === 'good'; },
    init: function (q, form, kit) {
      var boxes = kit.all(form, '.sb-step'), live = form.querySelector('.sb-feedback'), at = {};
      q.steps.forEach(function (s, i) { at[s.id] = i; });
      boxes[0].parentNode.insertBefore(live, boxes[0]);  // the consequence reads above the next step
      var path = kit.saved(q).split('.').filter(Boolean).map(function (x) { return parseInt(x, 36); })
        .filter(function (i) { return i < boxes.length; });
      if (!path.length) path = [0];

      function show(i, focus) {
        boxes.forEach(function (b, n) { b.hidden = n !== i; });
        if (focus) boxes[i].querySelector('.sb-step-title').focus();
      }
      function save() { kit.save(q, path.slice(-KEEP).map(function (i) { return i.toString(36); }).join('.')); }
      function send() {
        var ids = path.map(function (i) { return q.steps[i].id; });
        while (ids.join(',').length > MAX) ids.shift();
        var resp = ids.join(',');
        kit.send({ id: q.id, type: q.interaction, response: resp, result: RESULTS[ending(q, resp)] || 'neutral',
                   weighting: q.weighting });
      }
      function choose(from, letter) {
        var to = at[q.steps[from].choices[kit.letters.indexOf(letter)].to];
        var said = boxes[from].querySelector('.sb-consequence[data-choice="' + letter + '"]');
        live.textContent = '';
        if (said) {
          var copy = live.appendChild(said.cloneNode(true));
          copy.hidden = false;
        }
        path.push(to);
        if (q.steps[to].end) send();
        save();
        show(to, true);
      }

      boxes.forEach(function (box, i) {
        kit.all(box, '.sb-choice').forEach(function (b) {
          b.addEventListener('click', function () { choose(i, b.getAttribute('data-choice')); });
        });
        var again = box.querySelector('.sb-restart');
        if (again) again.addEventListener('click', function () { path = [0]; live.textContent = ''; save(); show(0, true); });
      });
      show(path[path.length - 1], false);
    }
  };
})(window.SB = window.SB || {});
