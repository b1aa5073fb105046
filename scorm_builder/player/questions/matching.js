/* Matching: answer and response "1.a,2.b" (item number, target letter), scored in any order;
   targets are always shuffled. */
(function (SB) {
  'use strict';

  (SB.questionTypes = SB.questionTypes || {}).matching = {
    alwaysShuffled: true,
    read: function (q, form, kit) {
      return kit.all(form, 'select').map(function (s, i) { return s.value ? (i + 1) + '.' + s.value : ''; })
        .filter(Boolean).join(',');
    },
    write: function (q, form, answer, kit) {
      var chosen = {};
      answer.split(',').forEach(function (p) { var kv = p.split('.'); if (kv[1]) chosen[kv[0]] = kv[1]; });
      kit.all(form, 'select').forEach(function (s, i) { s.value = chosen[i + 1] || ''; });
    },
    isRight: function (q, resp, kit) { return kit.sorted(resp) === kit.sorted(q.pattern); },
    describe: function (q, resp, kit) {
      return resp.split(',').map(function (p) {
        var kv = p.split('.');
        return q.pairs[kv[0] - 1][0] + ' – ' + q.targets[kit.letters.indexOf(kv[1])];
      }).join('; ');
    },
    order: function (q, shuffle, kit) { return kit.moved(q.targets.length); },
    applyOrder: function (q, form, order, kit) {
      order.split('').forEach(function (x) {
        kit.all(form, 'select').forEach(function (s) {
          var o = s.querySelector('option[value="' + x + '"]');
          if (o) s.appendChild(o);
        });
      });
    }
  };
})(window.SB = window.SB || {});
