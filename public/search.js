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

  function start() {
    var el = document.getElementById('search');
    if (!el || typeof window.PagefindUI !== 'function') return;
    document.documentElement.classList.add('search-ready');
    var base = el.getAttribute('data-base') || '/';
    new window.PagefindUI({ element: '#search', bundlePath: base + 'pagefind/', showSubResults: true, showImages: false, resetStyles: false });
    labelInput(el, 60);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
