/* Likert: radios "1"-"5" (quiz.js's defaults); never scored: sent as given, result "neutral". */
(function (SB) {
  'use strict';

  (SB.questionTypes = SB.questionTypes || {}).likert = { scored: false };
})(window.SB = window.SB || {});
