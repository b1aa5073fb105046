/* Fill-in: right when it equals an accepted answer as normalize_answer() (model/question.py)
   compares them: NFKC, no case, plain quotes, single spaces. */
(function (SB) {
  'use strict';

  var QUOTES = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"',
                 '«': '"', '»': '"' };
  function norm(s) {
    return String(s).normalize('NFKC').replace(/[‘’‚‛′“”„‟«»]/g, function (c) { return QUOTES[c]; })
      .toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  }

  (SB.questionTypes = SB.questionTypes || {}).fillin = {
    read: function (q, form) { return form.querySelector('input[type=text]').value.slice(0, 255); },
    write: function (q, form, answer) { form.querySelector('input[type=text]').value = answer; },
    response: function (q, answer) { return answer.trim().slice(0, 255) || null; },
    isRight: function (q, resp) { return q.accepted.some(function (a) { return norm(a) === norm(resp); }); },
    key: function (q) { return q.accepted[0]; }
  };
})(window.SB = window.SB || {});
