/* Reflection: the text never leaves the browser: only in localStorage (never in SB.state, so never
   in suspend_data, never an interaction). Blocked storage: the text is just not kept. */
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
