/* modules.js: explicit registration, so player.js works whatever order render/pages.py
   concatenates the files in. Each file pushes [name, needs, make] onto SB.modules; make(SB) runs
   once every module named in `needs` is made, and what it returns becomes SB[name]. Files that
   run before this one leave their entry in a plain array; this file then takes over `push`. */
(function (SB) {
  'use strict';

  var known = {}, made = {};

  function settle() {
    for (var again = true; again;) {
      again = false;
      for (var name in known) {
        var m = known[name];
        if (made[name] || !m.needs.every(function (n) { return made[n]; })) continue;
        made[name] = true;
        SB[name] = m.make(SB) || SB[name];
        again = true;
      }
    }
  }

  var early = SB.modules || [];
  SB.modules = {
    push: function (entry) {
      known[entry[0]] = { needs: entry[1], make: entry[2] };
      settle();
    }
  };
  early.forEach(SB.modules.push);
})(window.SB = window.SB || {});
