/**
 * Articles with markup pasted into every field. Each attack calls alert() with a tag naming where it came
 * from, so a dialog says which field let it through.
 */
export const HOSTILE: Record<string, string> = {
  'hostile-front-matter.md': `---
title: "<script>alert('fm-title')</script> Council <img src=x onerror=alert('fm-title-img')> vote"
date: 2024-05-01
source: "<a href=\\"javascript:alert('fm-source')\\">Evil Times</a>"
byline: "<svg onload=alert('fm-byline')>"
dateline: "<iframe src=\\"javascript:alert('fm-dateline')\\"></iframe>"
speakers:
  - name: "<img src=x onerror=alert('fm-speaker')>Mallory Quinn"
    role: "<script>alert('fm-role')</script>"
  - "javascript:alert('fm-speaker2')"
  - "&lt;img src=x onerror=alert('fm-entity-speaker')&gt; Entity Person"
topics: ["<script>alert('fm-topic')</script>", "javascript:alert('fm-topic2')", "</script><script>alert('fm-jsonld')</script>"]
---
The council met on Tuesday. <script>alert('fm-body')</script> It voted <img src=x onerror=alert('fm-body-img')> twice.

Read [the minutes](javascript:alert('fm-md-link')) or <a href="javascript:alert('fm-html-link')">the agenda</a>.

"Nothing <script>alert('fm-quote')</script> will stop this council </script><script>alert('fm-quote-jsonld')</script>," Mallory Quinn said.

<div onclick="alert('fm-div')" onmouseover="alert('fm-div-hover')">Hover here</div>

Escaped already: &lt;img src=x onerror=alert('fm-entity-body')&gt; and &amp;lt;script&amp;gt;alert('fm-entity-body2')&amp;lt;/script&amp;gt; council.
`,
  'hostile plain & <b>.txt': `<img src=x onerror=alert('txt-headline')> Minister <script>alert('txt-headline2')</script> resigns

By <svg/onload=alert('txt-byline')> Staff
May 2, 2024

LONDON (Reuters) - The minister resigned on Thursday.

"We <b onmouseover=alert('txt-quote-b')>refuse</b> to go quietly, <script>alert('txt-quote')</script>," said Eve Example, a spokeswoman.

[click](javascript:alert('txt-md-link')) <iframe srcdoc="<script>alert('txt-srcdoc')</script>"></iframe>

javascript:alert('txt-bare')

<form action="javascript:alert('txt-form')"><button formaction="javascript:alert('txt-button')">Go</button></form>
`,
};
