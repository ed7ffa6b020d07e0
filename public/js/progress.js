// Progressive enhancement of the progress forms: log and undo without a page reload; load a CSV file into the
// import box. Without this file every form still posts and redirects back.
(function () {
  'use strict';

  async function submitLogForm(form) {
    const cell = form.closest('[data-status-cell]');
    const error = cell && cell.querySelector('[data-log-error]');
    const body = new URLSearchParams(new FormData(form));
    form.classList.add('busy');
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': body.get('_csrf') || '' },
        body,
      });
      const data = await res.json();
      if (!res.ok) throw new Error((data.error && data.error.message) || res.statusText);
      if (error) error.textContent = '';
      // The same problem can sit in two types: every row of it changes.
      for (const other of document.querySelectorAll('[data-status-cell]')) {
        if (other.getAttribute('data-status-cell') === data.problem) updateCell(other, data);
      }
      updateTypeStats(data.typeStats || {});
      const details = form.querySelector('details');
      if (details) details.open = false;
      for (const input of form.querySelectorAll('input[name=note], input[name=minutes], input[name=day]')) input.value = '';
    } catch (e) {
      if (error) error.textContent = e.message;
      else throw e;
    } finally {
      form.classList.remove('busy');
    }
  }

  function updateCell(cell, data) {
    const status = cell.querySelector('[data-status]');
    const state = data.status ? data.status.state : 'none';
    status.className = 'status status-' + state + (data.status ? ' outcome-' + data.status.lastOutcome : '');
    status.setAttribute('data-outcome', data.status ? data.status.lastOutcome : '');
    status.textContent = data.statusText || '';
    cell.dataset.state = state;
    const undo = cell.querySelector('.undo-form');
    if (undo) undo.hidden = !data.status;
    const live = document.querySelector('[data-progress-live]');
    if (live) live.textContent = data.message;
  }

  function updateTypeStats(byType) {
    for (const figures of document.querySelectorAll('[data-type-stats]')) {
      const texts = byType[figures.getAttribute('data-type-stats')];
      if (!texts) continue;
      for (const part of figures.querySelectorAll('[data-part]')) part.textContent = texts[part.getAttribute('data-part')] || '';
    }
  }

  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-log-form') || !window.fetch) return;
    event.preventDefault();
    submitLogForm(form);
  });

  for (const form of document.querySelectorAll('[data-csv-import]')) {
    const picker = form.querySelector('.csv-file');
    const textarea = form.querySelector('textarea[name=csv]');
    if (!picker || !textarea) continue;
    picker.hidden = false;
    picker.querySelector('input[type=file]').addEventListener('change', async function (event) {
      const input = event.target;
      const file = input.files && input.files[0];
      if (!file) return;
      // Only UTF-8 is read: a file in another encoding (EUC-KR, CP949) would fill the box with mojibake.
      try {
        textarea.value = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
        input.setCustomValidity('');
      } catch {
        textarea.value = '';
        input.setCustomValidity(picker.dataset.notUtf8.replace('{file}', file.name));
        input.reportValidity();
      }
    });
  }
})();
