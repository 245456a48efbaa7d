/**
 * Text from files on its way into HTML (the report page): control characters dropped, the five
 * metacharacters escaped, so a value can stand in element text or a quoted attribute. User text
 * never becomes an `href`, a `src` or a style: the page links only to its own sections.
 */
export function htmlText(value: string | number): string {
  return (
    String(value)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}
