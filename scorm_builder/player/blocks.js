/* blocks.js: content blocks that need script (source/sectioned_blocks.py, glossary.py). Tabs
   become an APG tab list; glossary terms toggle their definition; a one-open accordion stays so
   where the browser ignores <details name>. Without it every panel shows under its heading. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['blocks', ['pages'], function (SB) {
  'use strict';

  function tabs(box) {
    var panels = [].filter.call(box.children, function (el) { return el.classList.contains('sb-tabpanel'); });
    var list = document.createElement('div');
    list.className = 'sb-tablist';
    list.setAttribute('role', 'tablist');
    if (box.dataset.label) list.setAttribute('aria-label', box.dataset.label);
    var tabs = panels.map(function (panel) {
      var b = list.appendChild(document.createElement('button'));
      b.type = 'button';
      b.id = panel.id + '-tab';
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-controls', panel.id);
      b.textContent = panel.querySelector('.sb-tab-heading').textContent;
      b.onclick = function () { select(panel); };
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', b.id);
      panel.tabIndex = 0;
      return b;
    });
    function select(chosen, focus) {
      panels.forEach(function (panel, i) {
        var on = panel === chosen;
        panel.hidden = !on;
        tabs[i].setAttribute('aria-selected', on);
        tabs[i].tabIndex = on ? 0 : -1;
        if (on && focus) tabs[i].focus();
      });
    }
    list.onkeydown = function (e) {
      var i = tabs.indexOf(document.activeElement), n = tabs.length;
      var to = { ArrowRight: i + 1, ArrowLeft: i - 1 + n, Home: 0, End: n - 1 }[e.key];
      if (i < 0 || to === undefined) return;
      e.preventDefault();
      select(panels[to % n], true);
    };
    box.insertBefore(list, box.firstChild);
    box.classList.add('sb-tabs-on');
    select(panels[0]);
  }

  /* Tab lists on each page as it arrives; the rest listens once, on the document. */
  function init(root) {
    SB.pages.each(function (s) { [].forEach.call(s.querySelectorAll('.sb-tabs'), tabs); });
    root.addEventListener('click', function (e) {
      var b = e.target.closest && e.target.closest('.sb-term-button');
      if (!b) return;
      var open = b.getAttribute('aria-expanded') !== 'true';
      b.setAttribute('aria-expanded', open);
      document.getElementById(b.getAttribute('aria-controls')).hidden = !open;
    });
    root.addEventListener('toggle', function (e) {
      var d = e.target, group = d.parentNode;
      if (!d.open || !group.hasAttribute || !group.hasAttribute('data-single')) return;
      [].forEach.call(group.children, function (other) { if (other !== d) other.open = false; });
    }, true);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { init(document); });
  else init(document);
  return { init: init };
}]);
