// Progressive enhancement only: every page works without this file.
// Features register small enhancers here, keyed by a data attribute on the page.
document.documentElement.classList.add('js');

// An offer that stops working at a known instant (data-expires, ISO) disappears then, e.g. a delete's undo.
document.querySelectorAll('[data-expires]').forEach((el) => {
  const left = Date.parse(el.getAttribute('data-expires')) - Date.now();
  if (!(left > 0)) el.hidden = true;
  else setTimeout(() => (el.hidden = true), Math.min(left, 2147483647));
});
