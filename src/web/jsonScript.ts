/**
 * A value as the text of a `<script type="application/json">` block: JSON with `<` escaped, so no string in it can
 * close the script element (`</script>`) or open a comment. The page reads it back with JSON.parse.
 */
export function jsonScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
