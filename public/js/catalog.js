// Progressive enhancement for the lists page: poll running imports and update their progress in place.
// Without JS the page's <meta http-equiv="refresh"> reloads it instead; with JS we poll and reload once when done.
(function () {
  const running = document.querySelectorAll('tr.run[data-status="running"]');
  if (running.length === 0) return;
  const refresh = document.querySelector('meta[http-equiv="refresh"]');
  if (refresh) refresh.remove();
  running.forEach((row) => poll(row));

  function poll(row) {
    fetch('/api/imports/' + encodeURIComponent(row.dataset.run), { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((run) => {
        if (run.status !== 'running') return window.location.reload();
        const bar = row.querySelector('progress');
        const text = row.querySelector('.run-progress');
        if (bar) {
          bar.max = run.total || 1;
          bar.value = run.done;
        }
        if (text) text.textContent = text.textContent.replace(/\d+(\D+)(\d+|\?)/, run.done + '$1' + (run.total || '?'));
        setTimeout(() => poll(row), 700);
      })
      .catch(() => setTimeout(() => window.location.reload(), 2000));
  }
})();
