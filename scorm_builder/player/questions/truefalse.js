/* True/false: two radio buttons, "t" and "f" (quiz.js's defaults read, write and score them). */
(function (SB) {
  'use strict';

  (SB.questionTypes = SB.questionTypes || {}).truefalse = {
    describe: function (q, resp, kit) { return kit.t(resp === 't' ? 'quiz_true' : 'quiz_false'); }
  };
})(window.SB = window.SB || {});
