/** XML text helpers shared by the feeds and the sitemap. */

/**
 * Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. Text copied from web pages can hold any of them.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML element or a double- or single-quoted attribute, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
