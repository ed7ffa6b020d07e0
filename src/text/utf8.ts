// Files from outside (list pages, database.json, BaekjoonHub READMEs, CSV files) are read as bytes and decoded here:
// text that is not UTF-8 is refused by its caller, never stored as mojibake.

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false });

/** The UTF-8 text of `bytes` without a leading BOM, or where it stops being UTF-8 (the 1-based line of the first bad byte). */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    // ignoreBOM: false means the decoder strips one leading BOM itself.
    return { text: strict.decode(bytes) };
  } catch {
    const replaced = lenient.decode(bytes);
    const at = replaced.indexOf('\uFFFD');
    return { badLine: replaced.slice(0, Math.max(at, 0)).split('\n').length };
  }
}
