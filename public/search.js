// Mounts Pagefind UI on the search page. Loaded with <script src> (no inline script, CSP script-src 'self').
(function () {
  // Gives Pagefind's input a visible label (Pagefind labels it only with a title attribute).
  function labelInput(el, tries) {
    var input = el.querySelector('input[type="text"], input[type="search"]');
    if (!input) {
      if (tries > 0) window.requestAnimationFrame(function () { labelInput(el, tries - 1); });
      return;
    }
    if (input.id) return;
    input.id = 'search-input';
    var label = document.createElement('label');
    label.htmlFor = 'search-input';
    label.className = 'search-label';
    label.textContent = 'Words to search for';
    el.insertBefore(label, el.firstChild);
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) {
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  // The index may come in shards (pagefind/shards.json lists their bundles, relative to the site root): the first is
  // pagefind/ itself, the others are merged into it. Without the list, pagefind/ is searched alone. The list is
  // revalidated on every visit (as Pagefind does with its own entry file), so a rebuilt site is never half-merged.
  function shardBundles(base, done) {
    if (typeof window.fetch !== 'function') return done([]);
    window.fetch(base + 'pagefind/shards.json', { cache: 'no-cache' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (list) {
        var bundles = [];
        var shards = list && Array.isArray(list.shards) ? list.shards : [];
        for (var i = 0; i < shards.length; i++) {
          var bundle = shards[i] && shards[i].bundle;
          if (typeof bundle === 'string' && bundle !== 'pagefind/' && /^pagefind\/shards\/[\w-]+\/$/.test(bundle)) bundles.push(base + bundle);
        }
        done(bundles);
      }, function () { done([]); });
  }

  function start() {
    var el = document.getElementById('search');
    if (!el || typeof window.PagefindUI !== 'function') return;
    var base = el.getAttribute('data-base') || '/';
    shardBundles(base, function (bundles) {
      document.documentElement.classList.add('search-ready');
      var mergeIndex = bundles.map(function (bundle) { return { bundlePath: bundle, baseUrl: base }; });
      new window.PagefindUI({ element: '#search', bundlePath: base + 'pagefind/', baseUrl: base, mergeIndex: mergeIndex, showSubResults: true, showImages: false, resetStyles: false });
      labelInput(el, 60);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
