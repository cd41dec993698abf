// Mounts Pagefind UI on the search page. Loaded with <script src> (no inline script).
(function () {
  function start() {
    var el = document.getElementById('search');
    if (!el || typeof window.PagefindUI !== 'function') return;
    document.documentElement.classList.add('search-ready');
    var base = el.getAttribute('data-base') || '/';
    // eslint-disable-next-line no-new
    new window.PagefindUI({ element: '#search', bundlePath: base + 'pagefind/', showSubResults: true, showImages: false, resetStyles: false });
    var params = new URLSearchParams(window.location.search);
    var q = params.get('q');
    if (q) {
      var input = el.querySelector('input');
      if (input) {
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
