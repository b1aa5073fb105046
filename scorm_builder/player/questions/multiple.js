/* Multiple choice: as single choice, but the chosen letters count in any order. */
(function (SB) {
  'use strict';

  var types = SB.questionTypes = SB.questionTypes || {};
  types.multiple = {
    order: function (q, shuffle, kit) { return types.single.order(q, shuffle, kit); },
    applyOrder: function (q, form, order, kit) { types.single.applyOrder(q, form, order, kit); },
    describe: function (q, resp, kit) { return types.single.describe(q, resp, kit); },
    isRight: function (q, resp, kit) { return kit.sorted(resp) === kit.sorted(q.pattern); }
  };
})(window.SB = window.SB || {});
