// The one script of every page: it only adds to pages that work without
// it. It marks the page as scripted (the stylesheet then shows the search
// box, checkboxes and share button), filters lists as the citizen types,
// turns the papers to bring into a checklist remembered on the phone, and
// shares the page's address. Plain ES5, no library: it runs in old
// Android WebViews and in Zalo's in-app browser.
(function () {
  var doc = document;
  doc.documentElement.className += ' js';

  function $(id) { return doc.getElementById(id); }
  function all(sel) { return Array.prototype.slice.call(doc.querySelectorAll(sel)); }

  // fold matches internal/slug.Fold: lower case, tone and vowel marks
  // removed, đ as d. Lists carry their text already folded in data-k.
  function fold(s) {
    if (s.normalize) s = s.normalize('NFD');
    return s.replace(/[\u0300-\u036f]/g, '').replace(/[\u0111\u0110]/g, 'd').toLowerCase();
  }

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

  // An item matches when each word typed is a word of its key, the last
  // one (perhaps still being typed) the start of a word: "ket h" finds
  // "kết hôn", "sao y" does not find "giấy".
  function matches(key, words) {
    key = ' ' + key + ' ';
    return words.every(function (w, i) {
      return key.indexOf(' ' + w + (i < words.length - 1 ? ' ' : '')) >= 0;
    });
  }

  function search() {
    var q = $('q');
    if (!q) return;
    var items = all('li[data-k]'), groups = all('[data-group]'), none = $('q-none'), status = $('q-status');
    function run() {
      var words = fold(q.value).split(/\s+/).filter(Boolean), shown = 0;
      items.forEach(function (li) {
        var hit = matches(li.getAttribute('data-k'), words);
        li.hidden = !hit;
        if (hit) shown++;
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector('li[data-k]:not([hidden])'); });
      none.hidden = shown > 0;
      status.textContent = words.length ? status.getAttribute('data-found').replace('%d', shown) : '';
    }
    q.addEventListener('input', run);
    q.form.addEventListener('submit', function (e) {
      e.preventDefault();
      var first = doc.querySelector('li[data-k]:not([hidden]) a');
      if (first) first.focus();
    });
    if (q.value) run(); // kept by the browser on going back
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

  function share() {
    var b = $('share');
    if (!b) return;
    var status = $('share-status'), url = canonical();
    b.addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: doc.title, url: url })['catch'](function () {});
        return;
      }
      copy(url, function (ok) {
        status.textContent = ok ? b.getAttribute('data-copied') : b.getAttribute('data-failed').replace('%s', url);
      });
    });
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(copyOld(text)); });
      return;
    }
    done(copyOld(text));
  }

  function copyOld(text) {
    var t = doc.createElement('textarea'), ok = false;
    t.value = text;
    t.className = 'offscreen';
    t.setAttribute('readonly', '');
    doc.body.appendChild(t);
    t.select();
    try { ok = doc.execCommand('copy'); } catch (e) {}
    doc.body.removeChild(t);
    return ok;
  }

  doc.addEventListener('DOMContentLoaded', function () {
    search();
    checklist();
    share();
  });
})();
