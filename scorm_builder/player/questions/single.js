/* Single choice: quiz.js's defaults read, write and score the radios; this adds the option order
   and the review text (multiple.js reuses them). */
(function (SB) {
  'use strict';

  var single = {
    /* Display order: shuffled where it matters, pinned options last. */
    order: function (q, shuffle, kit) {
      var free = q.options.filter(function (o) { return !o.pinned; }).map(function (o) { return o.id; });
      var pinned = q.options.filter(function (o) { return o.pinned; }).map(function (o) { return o.id; });
      return (shuffle ? kit.shuffled(free) : free).concat(pinned).join('');
    },
    applyOrder: function (q, form, order) {
      order.split('').forEach(function (x) {
        var row = form.querySelector('.sb-option[data-option="' + x + '"]');
        if (row) row.parentNode.appendChild(row);
      });
    },
    describe: function (q, resp, kit) {
      return resp.split(',').map(function (x) { return q.options[kit.letters.indexOf(x)].text; }).join('; ');
    }
  };
  (SB.questionTypes = SB.questionTypes || {}).single = single;
})(window.SB = window.SB || {});
