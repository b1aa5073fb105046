/* Reflection: free text that never leaves the browser. It is kept in localStorage only (never in
   SB.state, so never in suspend_data, and never an interaction), under the course and question
   id; "clear" removes it. Without localStorage (blocked by the browser) the text is simply not kept. */
(function (SB) {
  'use strict';

  function store(fn) { try { return fn(window.localStorage); } catch (e) { return null; } }

  (SB.questionTypes = SB.questionTypes || {}).reflection = {
    scored: false,
    init: function (q, form, kit) {
      var box = form.querySelector('textarea'), key = 'sb-reflection/' + kit.course + '/' + q.id;
      box.value = store(function (s) { return s.getItem(key); }) || '';
      box.addEventListener('input', function () { store(function (s) { s.setItem(key, box.value); }); });
      form.querySelector('.sb-clear').addEventListener('click', function () {
        box.value = '';
        store(function (s) { s.removeItem(key); });
        box.focus();
      });
    }
  };
})(window.SB = window.SB || {});
