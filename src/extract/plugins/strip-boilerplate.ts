import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../blocks.js';
import { wordCount } from '../text/fold.js';

/**
 * Marks page furniture as boilerplate: navigation, cookie and comment notices, related-post lists,
 * share and follow prompts, photo captions and credits, category slugs, bare URLs. A hashtag line
 * is set aside as topic hints.
 */
export default function remarkStripBoilerplate() {
  return (_tree: Root, file: VFile): void => {
    file.data.hashtags = markBoilerplate(file.data.blocks ?? []);
  };
}

const EXACT = new RegExp(
  '^(?:' +
    [
      'skip to (?:main )?content', 'skip to navigation', 'menu', 'main menu', 'toggle navigation', 'search', 'home',
      'close', 'sign in', 'log in', 'login', 'register', 'subscribe(?: now)?', 'newsletter', 'back to top', 'advertisement',
      'advertisment', 'sponsored(?: content)?', 'ad', 'share', 'share this(?: article| story| post)?', 'tweet', 'print',
      'email', 'e-mail', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'reddit', 'pinterest',
      'copy link', 'copy', 'comments?', 'leave a (?:comment|reply)', 'post a comment', 'add a comment',
      'join the conversation', '\\d+ comments?', 'no comments(?: yet)?', 'short url', 'loading\\.*', 'read more',
      'read also', 'also read', 'see also', 'more', 'listen(?: to this article)?', 'watch', 'video', 'photo', 'gallery',
      'next', 'previous', 'next article', 'previous article', 'more on this story', 'top stories', 'trending',
      'trending now', 'most read', 'most popular', 'latest news', 'breaking news', 'follow us', 'follow',
      'accept(?: all)?(?: cookies)?', 'reject(?: all)?', 'manage (?:cookies|preferences)', 'got it', 'ok', 'i agree',
      'tags', 'topics', 'categories', 'category', 'filed under', 'related', 'recommended', 'editor\'?s picks',
    ].join('|') +
    ')[\\s:.!]*$',
  'i',
);

const PREFIXED = new RegExp(
  '^(?:' +
    [
      'read (?:more|also)', 'also read', 'see also', 'related(?: (?:posts?|articles?|stories|news|content|coverage|reading|topics))?',
      'more (?:from|on|stories|news)', 'recommended(?: for you)?', 'you (?:may|might) (?:also )?(?:like|be interested in)',
      'don\'?t miss', 'what to read next', 'further reading', 'follow (?:us|\\w+) on', 'join (?:us|our) (?:on )?',
      'sign up', 'subscribe to', 'download (?:the|our) app', 'share (?:on|this|via)', 'click here', 'tags', 'topics',
      'filed under', 'categories', 'category', 'posted in', 'short url', 'image(?: source| credit)?', 'photo(?:graph)?(?: credit)?',
      'picture', 'credit', 'caption', 'watch', 'listen', 'advertisement', 'also on', 'more:', 'latest:',
    ].join('|') +
    ')\\s*[:|\\-–—]\\s*\\S',
  'i',
);

const LIST_START = /^(?:related(?: (?:posts?|articles?|stories|news|content|coverage|reading))?|read (?:more|also)|also read|see also|more (?:from|on) [\w .]+|more stories|more news|recommended(?: for you)?|you (?:may|might) (?:also )?like|trending(?: now)?|most (?:read|popular|viewed)|latest (?:news|stories|posts)|top stories|editor'?s picks|don'?t miss|what to read next|further reading)[\s:.]*$/i;

const NOTICE = [
  /\bcookies?\b.*\b(?:use|using|accept|consent|privacy|experience|policy|opt[- ]out|settings|browsing)\b/i,
  /\b(?:use|using|accept|consent)\b.*\bcookies?\b/i,
  /\bakismet\b|\bcomment data is processed\b|\bmust be logged in to (?:post|comment)\b/i,
  /\b(?:all rights reserved|terms of (?:use|service)|privacy policy)\b/i,
  /^(?:please )?enable javascript\b/i,
  /\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?(?:newsletter|daily|weekly|briefing|alerts?)\b/i,
  /\b(?:follow|join) us on (?:twitter|x|facebook|telegram|instagram|whatsapp|google news|youtube|linkedin)\b/i,
  /\bshare (?:this|on) (?:article|story|post|facebook|twitter|x|whatsapp)\b/i,
  /^(?:this article|this story) (?:was|has been) (?:originally )?(?:published|updated|amended)\b.*\b(?:at|on|by)\b/i,
  /^you (?:can|may) (?:also )?(?:follow|read|listen|watch)\b/i,
];

/** A photo caption or a credit: "(Reuters Photo)", "Photo: AFP", "AFP via Getty Images". */
const CREDIT = /\((?:[^()]*\b(?:photo|photograph|image|picture|pic|file photo|credit|getty|shutterstock)\b[^()]*)\)\s*$|\b(?:photo|photograph|image|picture)s?\s*(?:by|credit|courtesy|:)\s*\S+|\bvia getty images\b|\bgetty images\b|\bshutterstock\b|\b(?:AP|AFP|EPA|Reuters|Anadolu|TASS|Sputnik)\s*(?:Photo|\/)\s*[\w .]*$|^(?:file )?photo\b.*[:—–-]/i;

const URL_ONLY = /^(?:<)?(?:https?:\/\/|www\.)\S+(?:>)?$/i;
const HASHTAG_LINE = /^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u;
const SLUG = /\b[a-z]+(?:-[a-z]+)*-(?:and|or|of|in)-[a-z]+(?:-[a-z]+)*\b/g;
const SLUG_LINE = /^(?=.*[a-z]-[a-z])[a-z][a-z0-9-]*(?:\s*[,|/»›>]\s*[a-z][a-z0-9-]*|\s+[a-z][a-z0-9]*-[a-z0-9-]+)+$/;
/** "Home » Politics » Diplomacy", "News / World / Europe". */
const BREADCRUMB = /^(?:[\p{L}&'’ -]{1,30}\s+[»›>/|]\s+){1,6}[\p{L}&'’ -]{1,30}$/u;

function isHeadlineLike(text: string): boolean {
  return wordCount(text) <= 24 && !/[.!?]["”’]?$/.test(text);
}

export function markBoilerplate(blocks: Block[]): string[] {
  const hashtags: string[] = [];
  let inList = false;
  for (const block of blocks) {
    const text = block.text;
    if (inList) {
      if (isHeadlineLike(text) || URL_ONLY.test(text) || NOTICE.some((re) => re.test(text))) {
        block.role = 'boilerplate';
        continue;
      }
      inList = false;
    }
    if (LIST_START.test(text)) {
      block.role = 'boilerplate';
      inList = true;
      continue;
    }
    if (HASHTAG_LINE.test(text)) {
      block.role = 'hashtags';
      for (const tag of text.match(/#[\p{L}\p{N}_]+/gu) ?? []) hashtags.push(tag.slice(1));
      continue;
    }
    const slugs = text.match(SLUG)?.length ?? 0;
    if (
      EXACT.test(text) ||
      PREFIXED.test(text) ||
      URL_ONLY.test(text) ||
      SLUG_LINE.test(text) ||
      (BREADCRUMB.test(text) && !/[.!?]$/.test(text) && text.split(/\s+[»›>/|]\s+/).every((part) => wordCount(part) <= 4)) ||
      slugs >= 2 ||
      (wordCount(text) <= 60 && NOTICE.some((re) => re.test(text)))
    ) {
      block.role = 'boilerplate';
      continue;
    }
    if (wordCount(text) <= 60 && CREDIT.test(text) && !/[“”"]/.test(text)) {
      block.role = 'caption';
    }
  }
  return hashtags;
}
