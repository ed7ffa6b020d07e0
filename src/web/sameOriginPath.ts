// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
const CONTROL = /[\u0000-\u001f\u007f]/;
const ORIGIN = 'http://cote.invalid';

/**
 * The one check for a redirect target that comes from a user (`next=`, `back=`): the value itself when it is a path
 * on this site, else undefined. Browsers read `/\host`, `/\t/host` and `//host` as another host and strip tabs and
 * newlines, so a target must start with one '/', and hold no backslash and no control character — also after one
 * round of percent-decoding (`/%5Chost`). Absolute URLs and `javascript:` never start with '/'.
 */
export function sameOriginPath(target: unknown): string | undefined {
  if (typeof target !== 'string' || target.length > 2048) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  for (const form of [target, decoded]) {
    if (!form.startsWith('/') || form.startsWith('//') || form.includes('\\') || CONTROL.test(form)) return undefined;
  }
  try {
    if (new URL(target, ORIGIN).origin !== ORIGIN) return undefined;
  } catch {
    return undefined;
  }
  return target;
}
