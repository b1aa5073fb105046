/* Ordering: the answer is each item's chosen position ("2,1,"), the response the item letters in
   that order (sequencing); items are always shuffled. */
(function (SB) {
  'use strict';

  (SB.questionTypes = SB.questionTypes || {}).ordering = {
    alwaysShuffled: true,
    read: function (q, form, kit) {
      var pos = {};
      kit.all(form, 'select').forEach(function (s) { pos[s.parentNode.getAttribute('data-item')] = s.value; });
      return q.sequence.map(function (x, i) { return pos[kit.letters[i]] || ''; }).join(',');
    },
    write: function (q, form, answer, kit) {
      var pos = answer.split(',');
      kit.all(form, 'select').forEach(function (s) {
        s.value = pos[kit.letters.indexOf(s.parentNode.getAttribute('data-item'))] || '';
      });
    },
    response: function (q, answer, kit) {
      var pos = answer.split(','), count = {}, placed = [];
      pos.forEach(function (p) { if (p) count[p] = (count[p] || 0) + 1; });
      // Only items with a position of their own count, so a tie can never look like the right order.
      pos.forEach(function (p, i) { if (p && count[p] === 1) placed.push([+p, kit.letters[i]]); });
      placed.sort(function (x, y) { return x[0] - y[0]; });
      return placed.map(function (x) { return x[1]; }).join(',') || null;
    },
    describe: function (q, resp, kit) {
      return resp.split(',').map(function (x) { return q.sequence[kit.letters.indexOf(x)]; }).join(', ');
    },
    order: function (q, shuffle, kit) { return kit.moved(q.sequence.length); },
    applyOrder: function (q, form, order) {
      order.split('').forEach(function (x) {
        var item = form.querySelector('.sb-select[data-item="' + x + '"]');
        if (item) item.parentNode.appendChild(item);
      });
    }
  };
})(window.SB = window.SB || {});
