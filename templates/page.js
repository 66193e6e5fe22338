// The one script of every page: it only adds to pages that work without
// it. It marks the page as scripted (the stylesheet then shows the
// checkboxes and share button), finds what the citizen types in lists,
// best first, turns the papers to bring into a checklist remembered on
// the phone, and shares the page's address. Plain ES5, no library: it
// runs in old Android WebViews and in Zalo's in-app browser.
(function () {
  var doc = document;
  doc.documentElement.className += ' js';

  function $(id) { return doc.getElementById(id); }
  function all(sel) { return Array.prototype.slice.call(doc.querySelectorAll(sel)); }

  // fold is render.Fold: the words of s, lower case, without tone and
  // vowel marks, đ as d, a final y after consonants as i (ký = kí). List
  // items carry their names and other words already folded in data-k.
  function fold(s) {
    if (s.normalize) s = s.normalize('NFD');
    s = s.replace(/[\u0300-\u036f]/g, '').replace(/[\u0111\u0110]/g, 'd').replace(/[A-Z]+/g, function (c) { return c.toLowerCase(); });
    return s.split(/[^a-z0-9.]+/).map(function (w) {
      w = w.replace(/^\.+|\.+$/g, '');
      return /^[bcdghklmnprstvx]+y$/.test(w) ? w.slice(0, -1) + 'i' : w;
    }).filter(Boolean).join(' ');
  }
  // For the browser test that checks it agrees with render.Fold.
  window.qrboardFold = fold;

  // Storage may be missing or refused (private modes, some in-app
  // browsers): then ticks simply last until the page is closed.
  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function save(key, list) {
    try {
      if (list.length) window.localStorage.setItem(key, JSON.stringify(list));
      else window.localStorage.removeItem(key);
    } catch (e) {}
  }

  function canonical() {
    var l = doc.querySelector('link[rel=canonical]');
    return l ? l.href : location.href;
  }

  // score says how well an item's key "names|other words" matches the
  // words typed, 0 for not at all: each word must be a word of the key,
  // the last (perhaps still being typed) the start of one; a word in the
  // names counts 2, elsewhere 1, and the words together in the names
  // one more, two at their start.
  function score(key, words) {
    var bar = key.indexOf('|'), names = ' ' + key.slice(0, bar) + ' ', rest = ' ' + key.slice(bar + 1) + ' ', s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = ' ' + words[i] + (i < words.length - 1 ? ' ' : '');
      if (names.indexOf(w) >= 0) s += 2;
      else if (rest.indexOf(w) >= 0) s += 1;
      else return 0;
    }
    var at = names.indexOf(' ' + words.join(' '));
    return s + (at === 0 ? 2 : at > 0 ? 1 : 0);
  }

  // While something is typed the lists give way to one list of what
  // matches, best first; Enter (or the button) opens the first. Without
  // the script the form leads to the complete list.
  function search() {
    var q = $('q');
    if (!q) return;
    var items = all('li[data-k]'), groups = all('[data-group]'), none = $('q-none'), status = $('q-status');
    var results = doc.createElement('ul');
    results.className = 'list';
    results.id = 'q-results';
    q.form.parentNode.insertBefore(results, none);
    function run() {
      var words = fold(q.value).split(' ').filter(Boolean), found = [], counts = { p: 0, o: 0 };
      items.forEach(function (li, i) {
        var s = words.length ? score(li.getAttribute('data-k'), words) : 0;
        if (s) found.push({ li: li, s: s, i: i });
      });
      found.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
      results.innerHTML = '';
      found.forEach(function (f) {
        var li = f.li.cloneNode(true), kind = f.li.parentNode.getAttribute('data-n') || 'p';
        li.removeAttribute('data-k');
        results.appendChild(li);
        counts[kind]++;
      });
      groups.forEach(function (g) { g.hidden = words.length > 0; });
      results.hidden = !found.length;
      none.hidden = !words.length || found.length > 0;
      var said = [];
      ['p', 'o'].forEach(function (k) { if (counts[k]) said.push(status.getAttribute('data-' + k).replace('%d', counts[k])); });
      status.textContent = words.length ? (said.join(', ') || none.textContent) : '';
    }
    q.addEventListener('input', run);
    q.form.addEventListener('submit', function (e) {
      e.preventDefault();
      run();
      var first = results.querySelector('a');
      if (first) location.href = first.href;
    });
    run(); // the browser may have kept what was typed, on going back
  }

  function checklist() {
    var items = all('ul.docs > li');
    if (!items.length) return;
    var key = 'qrboard:' + canonical(), ticked = load(key), boxes = [], seen = {};
    var progress = $('docs-progress');
    function update() {
      var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      save(key, on);
      progress.textContent = progress.getAttribute('data-fmt').replace('%d', on.length).replace('%d', boxes.length);
    }
    items.forEach(function (li) {
      var name = li.querySelector('.dn'), label = doc.createElement('label'), box = doc.createElement('input');
      var v = name.textContent;
      seen[v] = (seen[v] || 0) + 1;
      box.type = 'checkbox';
      box.value = seen[v] > 1 ? v + '#' + seen[v] : v;
      box.checked = ticked.indexOf(box.value) >= 0;
      box.addEventListener('change', update);
      li.insertBefore(label, name);
      label.appendChild(box);
      label.appendChild(name);
      boxes.push(box);
    });
    $('docs-reset').addEventListener('click', function () {
      boxes.forEach(function (b) { b.checked = false; });
      update();
    });
    update();
  }

  // Sharing: the phone's share sheet where there is one. Elsewhere —
  // Zalo's in-app browser has none, and copying may fail or only claim to
  // work — the whole address in a field, selected, with what to do.
  function share() {
    var b = $('share');
    if (!b) return;
    var box = $('share-box'), field = $('share-url'), status = $('share-status'), url = canonical();
    b.addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: doc.title, url: url })['catch'](function () {});
        return;
      }
      field.value = url;
      box.hidden = false;
      field.focus();
      field.select();
      copy(url, function (ok) {
        var say = b.getAttribute(ok ? 'data-copied' : 'data-failed');
        if (/Zalo/i.test(navigator.userAgent)) say += ' ' + b.getAttribute('data-zalo');
        status.textContent = say;
        field.select();
      });
    });
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(copyOld()); });
      return;
    }
    done(copyOld());
  }

  // copyOld copies the selection, the selected field.
  function copyOld() {
    try { return doc.execCommand('copy'); } catch (e) { return false; }
  }

  doc.addEventListener('DOMContentLoaded', function () {
    search();
    checklist();
    share();
  });
})();
