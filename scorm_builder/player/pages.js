/* pages.js: pages on demand. The launch page holds its first page only; each other page is a
   script file, pages/<id>.js, that hands its section to SB.page (render/chunks.py). A script
   element is the one loader that works in every launch: an LMS frame, a popup, and a course opened
   from disk (file://), where fetch and XMLHttpRequest are refused. Pages are added to #sb-main in
   course order and stay; `each` runs a function on every page, now and as it arrives. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['pages', [], function (SB) {
  'use strict';

  var waiting = {}, hooks = [];

  function section(id) { return document.querySelector('section.sb-page[data-page="' + id + '"]'); }
  function order() { return SB.data.pages.map(function (p) { return p.id; }); }

  function settle(id, s) {
    var cbs = waiting[id] || [];
    delete waiting[id];
    cbs.forEach(function (cb) { cb(s); });
  }

  /* A page's file has run: its section goes before the first later page already here. */
  SB.page = function (p) {
    if (!p || section(p.id) || order().indexOf(p.id) < 0) return;
    var t = document.createElement('template'), main = document.getElementById('sb-main'), ids = order();
    t.innerHTML = p.html;
    var s = t.content.querySelector('section.sb-page[data-page="' + p.id + '"]');
    if (!s) return;
    var here = [].slice.call(main.querySelectorAll('section.sb-page'));
    var later = here.filter(function (x) { return ids.indexOf(x.getAttribute('data-page')) > ids.indexOf(p.id); })[0];
    var last = here[here.length - 1];
    main.insertBefore(s, later || (last ? last.nextSibling : main.firstChild));
    hooks.forEach(function (fn) { fn(s); });
    settle(p.id, s);
  };

  return {
    section: section,

    /* cb(section), at once when the page is here, or null when its file could not be loaded. */
    load: function (id, cb) {
      var s = section(id);
      if (s) { if (cb) cb(s); return; }
      if (waiting[id]) { if (cb) waiting[id].push(cb); return; }
      waiting[id] = cb ? [cb] : [];
      var el = document.createElement('script');
      el.src = 'pages/' + encodeURIComponent(id) + '.js';
      el.onload = el.onerror = function () {
        el.parentNode.removeChild(el);
        if (waiting[id]) settle(id, section(id));  // loaded but never called SB.page: null
      };
      document.head.appendChild(el);
    },

    each: function (fn) {
      hooks.push(fn);
      [].forEach.call(document.querySelectorAll('section.sb-page'), fn);
    }
  };
}]);
