/* Likert: five radio buttons "1"-"5" (read and written by quiz.js's defaults). Not scored: the
   point is sent as given, with the result "neutral". */
(function (SB) {
  'use strict';

  (SB.questionTypes = SB.questionTypes || {}).likert = { scored: false };
})(window.SB = window.SB || {});
