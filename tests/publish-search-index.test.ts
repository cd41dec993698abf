import { describe, expect, it } from 'vitest';
import { escapeFilterValues } from '../src/publish/search-index.js';

describe('escapeFilterValues', () => {
  it('leaves plain names and pages without filters as they are', () => {
    const html = '<p>Text &lt;b&gt; stays</p><a href="/speakers/jane/" data-pagefind-filter="speaker">Jane Roe</a><span hidden data-pagefind-filter="year:2024"></span>';
    expect(escapeFilterValues(html)).toBe(html);
    expect(escapeFilterValues('<a data-pagefind-filter="topic">War &amp; Peace</a>')).toBe('<a data-pagefind-filter="topic">War &amp; Peace</a>');
  });

  it('turns markup in a filter value into full-width look-alikes that no decoding can make markup again', () => {
    const speaker = '<a href="/s/x/" data-pagefind-filter="speaker">&lt;img src=x onerror=alert(&#39;x&#39;)&gt;Mallory</a>';
    expect(escapeFilterValues(speaker)).toBe('<a href="/s/x/" data-pagefind-filter="speaker">＜img src=x onerror=alert(\'x\')＞Mallory</a>');
    // Escaped twice over (an author typed "&lt;script&gt;"): still no way back to "<".
    expect(escapeFilterValues('<a data-pagefind-filter="topic">&amp;lt;script&amp;gt;</a>')).toBe('<a data-pagefind-filter="topic">＜script＞</a>');
    expect(escapeFilterValues('<a data-pagefind-filter="topic">&amp;#60;b&amp;#x3E;</a>')).toBe('<a data-pagefind-filter="topic">＜b＞</a>');
    // An ampersand that could start a reference after another decoding is disarmed too.
    expect(escapeFilterValues('<a data-pagefind-filter="topic">&amp;amp;lt</a>')).toBe('<a data-pagefind-filter="topic">＜</a>');
    expect(escapeFilterValues('<a data-pagefind-filter="topic">&amp;nbsp;</a>')).toBe('<a data-pagefind-filter="topic">＆nbsp;</a>');
  });

  it('treats a value given in the attribute the same way', () => {
    expect(escapeFilterValues('<span hidden data-pagefind-filter="year:&lt;b&gt; &amp; &quot;"></span>')).toBe('<span hidden data-pagefind-filter="year:＜b＞ &amp; &quot;"></span>');
  });
});
