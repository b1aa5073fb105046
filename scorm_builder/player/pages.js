/* pages.js: pages on demand. The launch page holds its first page only; each other page is a
   script file, pages/<id>.js, that hands its section to SB.page (render/chunks.py). A script
   element is the one loader that works in every launch: an LMS frame, a popup, and a course opened
   from disk (file://), where fetch and XMLHttpRequest are refused. Until a page is here an empty,
   hidden section.sb-pending holds its place (in course order) and its id, made when the page is
   asked for or the contents are written, so their links always have a target. `each` runs a
   function on every page, now and as it arrives. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['pages', [], function (SB) {
  'use strict';

  var waiting = {}, hooks = [];

  function section(id) { return document.querySelector('section.sb-page[data-page="' + id + '"]'); }

  /* The page's section or the place kept for it, made before `next` (found when not given). */
  function place(id, next) {
    var spot = document.getElementById('p-' + id), main = document.getElementById('sb-main');
    if (spot) return spot;
    if (next === undefined) {
      var ids = SB.data.pages.map(function (p) { return p.id; });
      for (var i = ids.indexOf(id) + 1; i < ids.length && !next; i++) next = document.getElementById('p-' + ids[i]);
    }
    if (!next) {
      var here = main.querySelectorAll('section.sb-page, section.sb-pending');
      next = here.length ? here[here.length - 1].nextSibling : main.firstChild;
    }
    spot = document.createElement('section');
    spot.className = 'sb-pending';
    spot.id = 'p-' + id;
    spot.hidden = true;
    return main.insertBefore(spot, next);
  }

  function settle(id, s) {
    var cbs = waiting[id] || [];
    delete waiting[id];
    cbs.forEach(function (cb) { cb(s); });
  }

  /* A page's file has run: its section takes the place kept for it. */
  SB.page = function (p) {
    var spot = p && document.getElementById('p-' + p.id);
    if (!spot || !spot.classList.contains('sb-pending')) return;
    var t = document.createElement('template');
    t.innerHTML = p.html;
    var s = t.content.querySelector('section.sb-page[data-page="' + p.id + '"]');
    if (!s) return;
    s.hidden = true;
    spot.parentNode.replaceChild(s, spot);
    hooks.forEach(function (fn) { fn(s); });
    settle(p.id, s);
  };

  return {
    section: section,

    /* A place for every page not here (`ids` in course order), last to first. */
    init: function (ids) {
      for (var i = ids.length - 1, next = null; i >= 0; i--) next = place(ids[i], next);
    },

    /* cb(section), at once when the page is here, or null when its file could not be loaded. */
    load: function (id, cb) {
      var s = section(id);
      if (s) { if (cb) cb(s); return; }
      if (waiting[id]) { if (cb) waiting[id].push(cb); return; }
      waiting[id] = cb ? [cb] : [];
      place(id);
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
