// A file picker that reads a text file into a textarea of its form (without JS the text is pasted). The label
// carries data-text-file="<textarea name>", data-not-utf8 (the message, with {file}) and, optionally,
// data-name-field="<input name>" to fill with the file's name. Only UTF-8 is read: a file in another encoding
// (EUC-KR, CP949) would fill the box with mojibake, so it is refused with the message.
(() => {
  for (const picker of document.querySelectorAll('[data-text-file]')) {
    const form = picker.closest('form');
    const textarea = form?.querySelector(`textarea[name="${picker.dataset.textFile}"]`);
    if (!textarea) continue;
    picker.hidden = false;
    picker.querySelector('input[type=file]').addEventListener('change', async (event) => {
      const input = event.target;
      const file = input.files?.[0];
      const shown = picker.querySelector('.file-name');
      if (shown) shown.textContent = file ? file.name : shown.dataset.none;
      if (!file) return;
      try {
        textarea.value = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
        input.setCustomValidity('');
      } catch {
        textarea.value = '';
        input.setCustomValidity(picker.dataset.notUtf8.replace('{file}', file.name));
        input.reportValidity();
        return;
      }
      const name = picker.dataset.nameField && form.querySelector(`input[name="${picker.dataset.nameField}"]`);
      if (name && !name.value) name.value = file.name.replace(/\.[a-z]+$/i, '');
    });
  }
})();
