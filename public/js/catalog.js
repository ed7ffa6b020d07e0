// Progressive enhancement for running imports (the lists page, and the checklist while the first import runs):
// poll GET /api/imports/:id, update the progress in place, and reload once the import is over. Without JS the page's
// <noscript><meta http-equiv="refresh"></noscript> reloads it every 2 s instead.
(() => {
  for (const element of document.querySelectorAll('[data-run][data-status="running"]')) poll(element);

  function poll(element) {
    fetch(`/api/imports/${encodeURIComponent(element.dataset.run)}`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((run) => {
        if (run.status !== 'running') return window.location.reload();
        const bar = element.querySelector('progress');
        const text = element.querySelector('.run-progress');
        if (bar) {
          bar.max = run.total || 1;
          bar.value = run.done;
        }
        if (text?.dataset.template)
          text.textContent = text.dataset.template.replace('{done}', run.done).replace('{total}', run.total || '?');
        setTimeout(() => poll(element), 700);
      })
      .catch(() => setTimeout(() => window.location.reload(), 2000));
  }
})();

// The checklist's folded types: opening one loads its rows from GET /types/:key/rows (the data-rows of its link) in
// place, once. Without JS the link leads to /?type=key, which shows the type open.
(() => {
  function loadType(details) {
    const link = details?.querySelector('a[data-rows]');
    const body = details?.querySelector('[data-type-body]');
    if (!link || !body || details.hasAttribute('data-loading')) return;
    details.setAttribute('data-loading', '');
    body.classList.add('loading');
    fetch(link.getAttribute('data-rows'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((response) => {
        // Logged out meanwhile: the answer is the login page; go there the plain way.
        if (!response.ok || response.redirected) throw new Error(String(response.status));
        return response.text();
      })
      .then((html) => {
        body.innerHTML = html;
        details.setAttribute('data-loaded', '');
      })
      .catch(() => window.location.assign(link.href))
      .finally(() => {
        details.removeAttribute('data-loading');
        body.classList.remove('loading');
      });
  }

  document.addEventListener(
    'toggle',
    (event) => {
      const details = event.target;
      if (details instanceof HTMLDetailsElement && details.open && details.classList.contains('type-section'))
        loadType(details);
    },
    true,
  );
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[data-rows]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    loadType(link.closest('details'));
  });
})();
