/* certificate.js: course.yml `certificate`; offered on results and closing views once earned. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['certificate', [], function (SB) {
  'use strict';

  var raw = '', $ = function (id) { return document.getElementById('sb-cert' + id); };

  function fullName(s) {  // "Last, First" (SCORM 1.2) -> "First Last"
    var p = String(s || '').split(',');
    return (p.length > 1 ? p.slice(1).join(',') + ' ' + p[0] : p[0]).replace(/\s+/g, ' ').trim();
  }

  function open(from) {
    var cert = $(''), score = $('-score');
    $('-name').textContent = fullName(raw);
    $('-date').textContent = new Date().toLocaleDateString(SB.data.lang, { dateStyle: 'long' });
    if (score) score.textContent = score.getAttribute('data-format').replace('{score}', SB.state.t[0]);
    $('-note').hidden = !SB.tracker.standalone();
    cert.hidden = false;
    $('-back').onclick = function () { cert.hidden = true; from.focus(); };
    $('-print').onclick = function () { print(); };
    $('-h').focus();
  }

  return {
    named: function (name) { raw = name; return fullName(name); },
    offer: function (box) {
      var d = SB.data, st = SB.state, b;
      if (!$('') || d.test && !(st.t && st.t[1]) ||
          d.completion !== 'test' && !d.pages.every(function (p) { return st.seen[p.id]; })) return;
      b = box.appendChild(document.createElement('button'));
      b.type = 'button';
      b.className = 'sb-cert-open';
      b.textContent = $('').getAttribute('data-open');
      b.onclick = function () { open(b); };
    }
  };
}]);
