/**
 * Text on its way into JUnit XML: characters XML 1.0 forbids are removed (an escaped `&#27;` is
 * still not well-formed), markup characters are escaped in attributes, and `]]>` is split inside
 * CDATA.
 */

// Everything outside XML 1.0's Char production (lone surrogates included, thanks to the u flag).
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlClean(value: string): string {
  return value.replace(FORBIDDEN, '');
}

export function xmlAttr(value: string): string {
  return xmlClean(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function cdata(value: string): string {
  return `<![CDATA[${xmlClean(value).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
