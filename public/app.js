// Progressive enhancement only: every page works without this file.
// Features register small enhancers here, keyed by a data attribute on the page.
document.documentElement.classList.add('js');
