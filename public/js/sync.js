// Progressive enhancement for "Sync now" on /settings/accounts: while a sync runs, poll GET /api/sync, show which
// accounts are still syncing, and reload once every account is done. Without JS the page's
// <noscript><meta http-equiv="refresh"></noscript> reloads it every 2 s instead.
(() => {
  const element = document.querySelector('[data-sync-status="running"]');
  if (!element) return;
  function poll() {
    fetch('/api/sync', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((status) => {
        if (!status.running) return window.location.reload();
        for (const account of status.accounts) {
          const row = element.querySelector(
            `tr[data-source="${CSS.escape(account.source)}"][data-handle="${CSS.escape(account.handle)}"]`,
          );
          if (row) row.classList.toggle('sync-running', account.running);
        }
        setTimeout(poll, 1000);
      })
      .catch(() => setTimeout(() => window.location.reload(), 3000));
  }
  poll();
})();
