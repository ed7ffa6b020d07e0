// Progressive enhancement for running imports (the lists page, and the checklist while the first import runs):
// poll GET /api/imports/:id, update the progress in place, and reload once the import is over. Without JS the page's
// <noscript><meta http-equiv="refresh"></noscript> reloads it every 2 s instead.
(function () {
  document.querySelectorAll('[data-run][data-status="running"]').forEach((element) => poll(element));

  function poll(element) {
    fetch('/api/imports/' + encodeURIComponent(element.dataset.run), { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((run) => {
        if (run.status !== 'running') return window.location.reload();
        const bar = element.querySelector('progress');
        const text = element.querySelector('.run-progress');
        if (bar) {
          bar.max = run.total || 1;
          bar.value = run.done;
        }
        if (text && text.dataset.template) text.textContent = text.dataset.template.replace('{done}', run.done).replace('{total}', run.total || '?');
        setTimeout(() => poll(element), 700);
      })
      .catch(() => setTimeout(() => window.location.reload(), 2000));
  }
})();

// The list upload form: a chosen file is read into the textarea (without JS, the list is pasted).
(function () {
  for (const form of document.querySelectorAll('[data-list-upload]')) {
    const picker = form.querySelector('.list-file');
    const textarea = form.querySelector('textarea[name=text]');
    if (!picker || !textarea) continue;
    picker.hidden = false;
    picker.querySelector('input[type=file]').addEventListener('change', async function (event) {
      const file = event.target.files && event.target.files[0];
      if (!file) return;
      textarea.value = await file.text();
      const name = form.querySelector('input[name=name]');
      if (name && !name.value) name.value = file.name.replace(/\.[a-z]+$/i, '');
    });
  }
})();
