/* blocks.js: the content blocks that need script. The page holds them readable without it (every
   tab panel under its heading, definitions in place); this file turns tabs into an APG tab list
   (roving tabindex, arrows, Home, End, automatic activation), makes glossary terms disclosure
   buttons, and keeps one section of a `::: dragspel ett` open where the browser ignores
   <details name>. It talks to nothing else in the player. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['blocks', [], function () {
  'use strict';

  function tabs(box) {
    var panels = [].slice.call(box.children).filter(function (el) { return el.classList.contains('sb-tabpanel'); });
    var list = document.createElement('div');
    list.className = 'sb-tablist';
    list.setAttribute('role', 'tablist');
    if (box.getAttribute('data-label')) list.setAttribute('aria-label', box.getAttribute('data-label'));
    var buttons = panels.map(function (panel) {
      var b = list.appendChild(document.createElement('button'));
      b.type = 'button';
      b.id = panel.id + '-tab';
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-controls', panel.id);
      b.textContent = panel.querySelector('.sb-tab-heading').textContent;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', b.id);
      panel.tabIndex = 0;
      b.addEventListener('click', function () { select(panel); });
      return b;
    });
    function select(chosen, focus) {
      panels.forEach(function (panel, i) {
        var on = panel === chosen;
        panel.hidden = !on;
        buttons[i].setAttribute('aria-selected', String(on));
        buttons[i].tabIndex = on ? 0 : -1;
        if (on && focus) buttons[i].focus();
      });
    }
    list.addEventListener('keydown', function (e) {
      var i = buttons.indexOf(document.activeElement), n = buttons.length;
      var to = { ArrowRight: i + 1, ArrowLeft: i - 1 + n, Home: 0, End: n - 1 }[e.key];
      if (i < 0 || to === undefined) return;
      e.preventDefault();
      select(panels[to % n], true);
    });
    box.insertBefore(list, box.firstChild);
    box.classList.add('sb-tabs-on');
    select(panels[0]);
  }

  function toggleTerm(button) {
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    document.getElementById(button.getAttribute('aria-controls')).hidden = !open;
  }

  /* Browsers without <details name> would leave several sections open. */
  function onlyOne(e) {
    var d = e.target, group = d.parentNode;
    if (!d.open || !group || !group.hasAttribute || !group.hasAttribute('data-single')) return;
    [].forEach.call(group.children, function (other) { if (other !== d && other.open) other.open = false; });
  }

  function init(root) {
    [].forEach.call(root.querySelectorAll('.sb-tabs'), tabs);
    root.addEventListener('click', function (e) {
      var b = e.target.closest && e.target.closest('.sb-term-button');
      if (b) toggleTerm(b);
    });
    root.addEventListener('toggle', onlyOne, true);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { init(document); });
  else init(document);
  return { init: init };
}]);
