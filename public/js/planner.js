// Progressive enhancement of the Today page: a stopwatch per item that fills the minutes field when logging.
// Without this file every form still posts and the minutes field is typed by hand.
(() => {
  const key = (problem) => `cote.plan.start.${problem}`;

  function elapsedMinutes(problem) {
    const start = Number(localStorage.getItem(key(problem)));
    return start > 0 ? Math.max(1, Math.round((Date.now() - start) / 60000)) : null;
  }

  for (const form of document.querySelectorAll('form.plan-log')) {
    const problem = form.querySelector('input[name=problem]').value;
    const minutes = form.querySelector('input[name=minutes]');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'plan-timer';
    const label = () => {
      const m = elapsedMinutes(problem);
      // Plain text: the emoji stopwatch had no glyph in the fonts CI installs. The running state is a CSS dot.
      button.classList.toggle('running', m !== null);
      button.textContent =
        m === null
          ? form.dataset.timerLabel || 'start timer'
          : (form.dataset.timerRunning || '{minutes} min').replace('{minutes}', String(m));
    };
    button.addEventListener('click', () => {
      if (elapsedMinutes(problem) === null) localStorage.setItem(key(problem), String(Date.now()));
      else localStorage.removeItem(key(problem));
      label();
    });
    form.insertBefore(button, form.firstChild.nextSibling);
    label();
    setInterval(label, 30000);
    form.addEventListener('submit', () => {
      const m = elapsedMinutes(problem);
      if (m !== null && !minutes.value) minutes.value = String(m);
      localStorage.removeItem(key(problem));
    });
  }
})();
