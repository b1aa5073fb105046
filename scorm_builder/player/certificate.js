/* certificate.js: the certificate page, when the launch page has one (course.yml `certificate`).
   Once the course is done (with a test: passed), the results view and the closing screen offer a
   button that shows it; player.css prints it alone on one A4 sheet. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['certificate', [], function (SB) {
  'use strict';

  var raw = '', $ = function (id) { return document.getElementById('sb-cert' + id); };

  /* cmi.core.student_name is "Last, First" in SCORM 1.2; some LMSes send "First Last", which
     has no comma and stays as it is. Extra spaces go. */
  function fullName(s) {
    var p = String(s || '').split(',');
    return (p.length > 1 ? p.slice(1).join(',') + ' ' + p[0] : p[0]).replace(/\s+/g, ' ').trim();
  }

  /* Earned: a pass when the course has a test, and every page seen unless only the test counts. */
  function earned() {
    var d = SB.data, st = SB.state;
    var passed = !d.test || !!(st.t && st.t[1]);
    return passed && (d.completion === 'test' || d.pages.every(function (p) { return st.seen[p.id]; }));
  }

  function open(from) {
    var cert = $(''), score = $('-score');
    $('-name').textContent = fullName(raw);
    $('-date').textContent = new Date().toLocaleDateString(SB.data.lang, { dateStyle: 'long' });
    if (score) score.textContent = score.getAttribute('data-format').replace('{score}', SB.state.t[0]);
    $('-note').hidden = !SB.tracker.standalone();   // without an LMS nothing was recorded
    cert.hidden = false;                             // player.css hides the rest while it shows
    $('-back').onclick = function () { cert.hidden = true; from.focus(); };
    $('-print').onclick = function () { print(); };
    $('-h').focus();
  }

  return {
    /* main.js hands over the LMS's name and shows what this returns in the header. */
    named: function (name) { raw = name; return fullName(name); },

    /* Adds the button to `box` (the results or the closing screen) once it is earned. */
    offer: function (box) {
      if (!$('') || !earned()) return;
      var b = box.appendChild(document.createElement('button'));
      b.type = 'button';
      b.className = 'sb-cert-open';
      b.textContent = $('').getAttribute('data-open');
      b.onclick = function () { open(b); };
    }
  };
}]);
