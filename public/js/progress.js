// Progressive enhancement of the progress forms: log and undo without a page reload; load a CSV file into the
// import box. Without this file every form still posts and redirects back.
(() => {
  // The checklist has one quick form, one undo form and one detailed form; a row's buttons submit the first two
  // through their form attribute, so the button that was pressed (the submitter) names the problem and its row.
  async function submitLogForm(form, submitter) {
    const cell = submitter?.closest('[data-status-cell]');
    const busy = cell || form;
    const body = new URLSearchParams(new FormData(form, submitter || undefined));
    busy.classList.add('busy');
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          'x-csrf-token': body.get('_csrf') || '',
        },
        body,
      });
      const data = await res.json();
      if (!res.ok) throw new Error(data.error?.message || res.statusText);
      showError(form, cell, '');
      // The same problem can sit in two types: every row of it changes.
      for (const other of document.querySelectorAll('[data-status-cell]')) {
        if (other.getAttribute('data-status-cell') === data.problem) updateCell(other, data);
      }
      updateTypeStats(data.typeStats || {});
      if (form.hasAttribute('data-log-detail')) {
        for (const input of form.querySelectorAll('input[name=note], input[name=minutes], input[name=day]'))
          input.value = '';
      }
    } catch (e) {
      showError(form, cell, e.message);
    } finally {
      busy.classList.remove('busy');
    }
  }

  /** The message goes next to what was pressed: the row's cell, else the form. */
  function showError(form, cell, text) {
    let error = cell ? cell.querySelector('[data-log-error]') : form.querySelector('[data-log-error]');
    if (!error && cell && text) {
      error = document.createElement('span');
      error.className = 'log-error';
      error.setAttribute('data-log-error', '');
      error.setAttribute('role', 'alert');
      cell.appendChild(error);
    }
    if (error) error.textContent = text;
  }

  function updateCell(cell, data) {
    const status = cell.querySelector('[data-status]');
    const state = data.status ? data.status.state : 'none';
    status.className = `status status-${state}${data.status ? ` outcome-${data.status.lastOutcome}` : ''}`;
    status.setAttribute('data-outcome', data.status ? data.status.lastOutcome : '');
    status.textContent = data.statusText || '';
    cell.dataset.state = state;
    const undo = cell.querySelector('.undo-button');
    if (undo) undo.hidden = !data.status;
    const live = document.querySelector('[data-progress-live]');
    if (live) live.textContent = data.message;
  }

  function updateTypeStats(byType) {
    for (const figures of document.querySelectorAll('[data-type-stats]')) {
      const texts = byType[figures.getAttribute('data-type-stats')];
      if (!texts) continue;
      for (const part of figures.querySelectorAll('[data-part]'))
        part.textContent = texts[part.getAttribute('data-part')] || '';
    }
  }

  // A row's "…" fills the detailed form with its problem and moves the form under the row (without JS it is a link
  // to the page with ?log=<problem>, where the form comes filled in).
  function openLogPanel(link) {
    const panel = document.querySelector('[data-log-panel]');
    const row = link.closest('tr');
    if (!panel || !row) return false;
    const form = panel.querySelector('[data-log-detail]');
    form.querySelector('[data-log-problem-input]').value = link.getAttribute('data-log-problem');
    // The title cell may also hold an "archived copy" link: its first link (or its text) is the title.
    const title = row.querySelector('.col-title a:not(.archive-link)') || row.querySelector('.col-title');
    panel.querySelector('[data-log-title]').textContent = title ? title.textContent.trim() : '';
    showError(form, null, '');
    let holder = row.nextElementSibling;
    if (!holder?.classList.contains('log-row')) {
      for (const old of document.querySelectorAll('tr.log-row')) old.remove();
      holder = document.createElement('tr');
      holder.className = 'log-row';
      const td = document.createElement('td');
      td.colSpan = row.cells.length;
      holder.appendChild(td);
      row.after(holder);
    }
    holder.firstElementChild.appendChild(panel);
    form.querySelector('select[name=outcome]').focus();
    return true;
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[data-log-problem]');
    if (link && openLogPanel(link)) event.preventDefault();
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-log-form') || !window.fetch) return;
    event.preventDefault();
    submitLogForm(form, event.submitter);
  });
})();
