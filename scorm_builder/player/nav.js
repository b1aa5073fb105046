/* nav.js: the page shell. One page at a time, the table of contents (a dialog on small screens),
   previous/next, "Sida 3 av 12", the progress bar, and focus on the new page's heading. Pages
   come from SB.pages (pages.js): a page not yet here is shown once its file has loaded, and the
   next one is fetched while the learner reads. */
var SB = window.SB = window.SB || {};
(SB.modules = SB.modules || []).push(['nav', ['pages'], function (SB) {
  'use strict';

  var nav = {};
  var order = [], cur = null, want = null, onShow = null, onFail = null, tocOpen = false, box, title = document.title;
  var data = null, written = false;
  var $ = function (id) { return document.getElementById(id); };
  var small = window.matchMedia ? window.matchMedia('(max-width: 47.99em)') : { matches: false };

  var section = SB.pages.section;
  function links() { return [].slice.call($('sb-toc').querySelectorAll('a[data-page]')); }

  /* The contents, written when first opened (a course of 2,000 pages would otherwise spend its
     first paint on links nobody sees yet): each lesson's title over links to its pages, and a
     place for each page not yet loaded, so every link has its target. */
  function contents() {
    SB.pages.init(order);
    var list = $('sb-toc').insertBefore(document.createElement('ol'), $('sb-seen-label')), titles = {}, group = null, last = null;
    (data.lessons || []).forEach(function (l) { titles[l[0]] = l[1]; });
    data.pages.forEach(function (p) {
      if (!group || p.lesson !== last) {
        last = p.lesson;
        var li = list.appendChild(document.createElement('li'));
        li.appendChild(document.createElement('span')).className = 'sb-toc-lesson';
        li.firstChild.textContent = titles[p.lesson] || '';
        group = li.appendChild(document.createElement('ol'));
      }
      var a = group.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
      a.href = '#p-' + p.id;
      a.setAttribute('data-page', p.id);
      a.textContent = p.title;
    });
  }

  /* show(id): a page is on screen; fail(id): its file could not be loaded. */
  nav.init = function (d, show, fail) {
    data = d;
    onShow = show;
    onFail = fail;
    order = data.pages.map(function (p) { return p.id; });
    var bar = document.createElement('span');
    bar.className = 'sb-progress-bar';
    $('sb-progress').appendChild(bar);
    $('sb-prev').addEventListener('click', function () { nav.go(order[order.indexOf(cur) - 1]); });
    $('sb-next').addEventListener('click', function () { nav.go(order[order.indexOf(cur) + 1]); });
    $('sb-toc').hidden = true;
    // The phone header shows the title on one line; the whole title (with the variant) heads the contents.
    var full = document.querySelector('.sb-course-title');
    full.title = full.textContent;
    $('sb-toc').insertBefore(document.createElement('p'), $('sb-toc').firstChild).textContent = full.textContent;
    // The dialog is a div around the nav (a nav may not be a dialog), with its own close button.
    box = document.createElement('div');
    box.id = 'sb-toc-box';
    $('sb-toc').parentNode.insertBefore(box, $('sb-toc'));
    var close = box.appendChild(document.createElement('button'));
    close.type = 'button';
    close.id = 'sb-toc-close';
    close.hidden = true;
    close.textContent = SB.t('close');
    close.addEventListener('click', function () { toc(false); });
    box.appendChild($('sb-toc'));
    SB.pages.each(function (s) {
      [].forEach.call(s.querySelectorAll('a[target=_blank]'), function (a) {
        a.appendChild(document.createElement('span')).textContent = ' ' + SB.t('new_tab');
      });
    });
    $('sb-toc-toggle').addEventListener('click', function () { toc(!tocOpen); });
    $('sb-toc').addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a[data-page]');
      if (!a) return;
      e.preventDefault();
      toc(false, true);  // focus goes to the chosen page's heading
      nav.go(a.getAttribute('data-page'));
    });
    window.addEventListener('hashchange', function () {
      var id = fromHash();
      if (id && id !== cur) nav.go(id);
    });
    document.addEventListener('keydown', keys);
    var seen = $('sb-toc').appendChild(document.createElement('span'));
    seen.id = 'sb-seen-label';
    seen.hidden = true;
    seen.textContent = SB.t('seen');
  };

  nav.first = function () { return order[0]; };
  nav.stop = function () {   // the course closed: a page still loading stays hidden, and nothing is busy
    want = null;
    $('sb-main').removeAttribute('aria-busy');
  };
  nav.has = function (id) { return order.indexOf(id) >= 0; };
  nav.current = function () { return cur; };
  nav.pages = function () { return order.slice(); };

  function fromHash() {
    var m = /^#p-(.+)$/.exec(location.hash);
    return m && nav.has(decodeURIComponent(m[1])) ? decodeURIComponent(m[1]) : null;
  }
  nav.fromHash = fromHash;

  /* Show page `id` (once it is here); focus its heading unless this is the first page of the launch. */
  nav.go = function (id, quiet) {
    if (!nav.has(id)) return;
    want = id;
    $('sb-main').setAttribute('aria-busy', 'true');
    SB.pages.load(id, function (s) {
      if (want !== id) return;  // the learner went on while it loaded
      $('sb-main').removeAttribute('aria-busy');
      if (s) show(id, s, quiet); else if (onFail) onFail(id);
    });
  };

  function show(id, s, quiet) {
    var i = order.indexOf(id);
    // the launch page's first page is on screen before the player runs
    [].forEach.call(document.querySelectorAll('section.sb-page:not([hidden])'), function (x) { x.hidden = x !== s; });
    cur = id;
    s.hidden = false;
    $('sb-prev').disabled = i === 0;
    $('sb-next').disabled = i === order.length - 1;
    $('sb-pageno').textContent = SB.t('page_of', { n: i + 1, total: order.length });
    mark();
    // Not at launch: a replaceState then moves Chromium's focus start past the skip link.
    if (!quiet) try { history.replaceState(null, '', '#p-' + encodeURIComponent(id)); } catch (e) { /* sandboxed */ }
    var h = s.querySelector('h1');
    document.title = (h ? h.textContent + ' – ' : '') + title;
    if (!quiet && h) h.focus({ preventScroll: true });  // a focus scroll would hide the top bar
    if (!quiet) window.scrollTo(0, 0);
    if (onShow) onShow(id);
    if (i + 1 < order.length) SB.pages.load(order[i + 1]);
  }

  /* The contents' link to the page on screen is the current one. */
  function mark() {
    links().forEach(function (a) {
      if (a.getAttribute('data-page') === cur) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  /* seen: page id -> 1. Marks the contents and sets the bar to the share of pages seen. */
  nav.progress = function (seen) {
    var n = order.filter(function (id) { return seen[id]; }).length;
    var pct = order.length ? Math.round(100 * n / order.length) : 0;
    var p = $('sb-progress');
    p.setAttribute('aria-valuenow', pct);
    p.setAttribute('aria-valuetext', SB.t('progress_text', { n: n, total: order.length }));
    p.firstChild.style.width = pct + '%';
    // "Read" in words for screen readers; the link's name stays the page title.
    links().forEach(function (a) {
      var on = !!seen[a.getAttribute('data-page')];
      a.classList.toggle('sb-seen', on);
      if (on) a.setAttribute('aria-describedby', 'sb-seen-label'); else a.removeAttribute('aria-describedby');
    });
    return n === order.length;
  };

  /* Everything but an open small-screen contents dialog is inert; focus comes back to the toggle. */
  function toc(open, keepFocus) {
    if (open && !written) {
      written = true;
      contents();
      mark();
      nav.progress(SB.state.seen);
    }
    tocOpen = open;
    var t = $('sb-toc'), btn = $('sb-toc-toggle'), modal = open && small.matches;
    t.hidden = !open;
    $('sb-toc-close').hidden = !modal;
    btn.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('sb-toc-open', open);
    document.body.classList.toggle('sb-toc-modal', modal);
    [].forEach.call(document.body.children, function (e) { if (e !== box) e.inert = modal; });
    if (modal) {
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-modal', 'true');
      box.setAttribute('aria-label', SB.t('contents'));
      box.style.top = Math.max(0, document.querySelector('.sb-bar').getBoundingClientRect().bottom) + 'px';
      var a = t.querySelector('a[aria-current]') || links()[0];
      if (a) a.focus();
    } else {
      ['role', 'aria-modal', 'aria-label'].forEach(function (a) { box.removeAttribute(a); });
      if (!open && !keepFocus) btn.focus();
    }
  }
  nav.toc = toc;

  function keys(e) {
    if (!tocOpen) return;
    if (e.key === 'Escape') { e.preventDefault(); toc(false); return; }
    if (e.key !== 'Tab' || !small.matches) return;
    var ring = [$('sb-toc-close')].concat(links());
    var i = ring.indexOf(document.activeElement);
    var next = e.shiftKey ? (i <= 0 ? ring.length - 1 : i - 1) : (i + 1) % ring.length;
    e.preventDefault();
    ring[next].focus();
  }

  return nav;
}]);
