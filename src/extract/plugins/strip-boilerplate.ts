import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blockWords, type Block } from '../blocks.js';
import { anyPattern } from '../text/any-pattern.js';
import { guarded, testGuarded, type Guarded } from '../text/guarded.js';
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
      'advertising', 'keep reading', 'continue reading', 'sign up(?: now)?', 'log in to comment', 'comments? \\(\\d+\\)',
      'trust principles', 'our standards', 'reuse this content', 'explore more on these topics', 'most viewed',
      'show comments', 'hide comments', 'view comments', 'print this page', 'listen to article', 'save', 'saved',
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

const LIST_START = /^(?:also in [\p{L} ]{2,40}|more from [\p{L} ]{2,40}|read more from [\p{L} ]{2,40}|upcoming|keep reading|continue reading|read next|up next|more coverage|related(?: (?:posts?|articles?|stories|news|content|coverage|reading))?|read (?:more|also)|also read|see also|more (?:from|on) [\w .]+|more stories|more news|recommended(?: for you)?|you (?:may|might) (?:also )?like|trending(?: now)?|most (?:read|popular|viewed)|latest (?:news|stories|posts)|top stories|editor'?s picks|don'?t miss|what to read next|further reading)[\s:.]*$/iu;

export const NOTICE: readonly (RegExp | Guarded)[] = [
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
  /^(?:follow|subscribe to|add|join|like)\b.{0,80}\b(?:on|to your)\s+(?:twitter|x|facebook|telegram|instagram|whatsapp|google news|youtube|linkedin|tiktok|threads|bluesky|viber)\b/i,
  /^follow\b.{0,80}\bcoverage\b/i,
  /^(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|brief|briefing|bulletin|digest|alerts?|updates)\b/i,
  /^get (?:the|our)\b.{0,60}\b(?:news|newsletter|briefing|headlines)\b.{0,40}\b(?:every|each|daily|weekly|inbox)\b/i,
  /\byour email address will not be published\b|\brequired fields are marked\b/i,
  /^(?:enjoyed|liked) this (?:article|story|post)\b/i,
  /\bbuy me a coffee\b|\bsupport (?:our|independent) journalism\b|\bbecome a (?:member|subscriber|patron)\b/i,
  /^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|written|translated) by\b/i,
  /^(?:editor|edited by|written by|posted by|author|photo editor|translated by)\s*:?\s+\S/i,
  guarded(/ read$/iu, /^(?:[\p{Lu}][\p{L}&' -]{1,30}\s*[|·•]\s*)?\d{1,2}\s*(?:min(?:ute)?s?|m)\.? read$/iu),
  /^(?:share|share this|share on)\s*:?\s*(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|reddit)\b/i,
  /^(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|reddit|pinterest|print|copy link|messenger|viber)\s*[|·•,]?\s*){2,}$/i,
  /\bthomson reuters trust principles\b/i,
  /^our standards\b/i,
  guarded(/ is (?:a|an|the)\b/iu, /^(?:[\p{Lu}][\p{L}.'’ -]{2,40}) is (?:a|an|the)\b[^.]{0,80}\b(?:reporter|correspondent|editor|fellow|writer|journalist|columnist|analyst|contributor|producer|researcher|professor)\b/iu),
  /^journalist\s+\p{Lu}/u,
  /^(?:about the author|press contacts?|media contacts?|media enquiries|for media enquiries|contact|attachments?|related topics|key events|show key events only|hot words|top searches|trending topics)\b/i,
  /^follow (?:him|her|them|me) on\b/i,
  /^reporting from\s+\p{Lu}[\p{L} ]{1,30}$/u,
  /^(?:please )?(?:turn on|enable) javascript\b/i,
  /^comments (?:are closed|will be moderated|policy)\b|^read the comments\b|^final decision will be at the discretion\b/i,
  /^what'?s your reaction\b|^send us your (?:feedback|tips)\b|^suggest news\b|\bsuggest news$/i,
  /^download (?:as pdf|the\b.{0,40}\bapp)\b/i,
  /^listen to (?:this|the) (?:article|story)\b/i,
  /^like \d+$|^get it$|^get our\b.{0,40}\bnewsletter\b|^newsletter email address$/i,
  /^order reprints\b|\btoday[’']s paper\b/i,
  /^live\b.{0,20}\bupdated\b|^\d+\s+(?:minutes?|hours?|days?)\s+ago$|^welcome to our live (?:coverage|blog)\b/i,
  /^skip (?:next|previous) section\b/i,
  /^(?:this article was )?translated from the\b|\boriginal version:/i,
  /^the views expressed\b|\bis an independent (?:newsletter|publication|outlet)\b.{0,60}\bnot affiliated\b/i,
  /^scan the qr code\b/i,
  /^(?:leia|lea|lire|lesen sie|read) (?:em|en|in|auf) (?:português|espanol|español|français|deutsch|english|русском|українською)\b/i,
  /^photo\s*[|/]\s*file$/i,
  /^illustrative\s*:/i,
  /^©\s*[^.]{2,60}$/,
  /^[a-z]{1,4}\/[a-z]{1,4}\s*\([^)]*\)$/,
  /^\((?:[\p{L} .,-]{2,40})\)$/u,
  /^a version of this article appears in print\b/i,
  /\bwebsite contains only a portion of the news stories\b/i,
  // (the colon is looked for, not "share" in any case: the pattern is anchored at the start, quick to try on the texts holding one)
  guarded(/:/u, /^(?:\p{Lu}[\p{L}]*\s*\/\s*)?share\s*:\s*(?:facebook|twitter|x|whatsapp|telegram|linkedin)\b/iu),
  /^click here to share\b/i,
  /^subscribe\s*:\s*\S+/i,
  /^[\p{Extended_Pictographic}\s]*(?:follow|join|subscribe to)\b.{0,60}\bon (?:whatsapp|telegram|instagram|x|twitter|facebook|youtube|tiktok)\b/iu,
  /\byou are receiving this because\b|\bunsubscribe\b|^view in browser$|^that'?s it for today\b|\bforward this (?:email|newsletter)\b/i,
  /^good (?:morning|evening|afternoon)[.!,]?\s+here'?s what\b/i,
  /^(?:updated|posted|published)\s+\d+\s+(?:minutes?|hours?|days?)\s+ago$/i,
  /^(?:traducción|traduction|übersetzung|tradução)\s*:|\bfue publicado originalmente\b/i,
  /^(?:síguenos|suivez-nous|folgen sie uns|siga-nos)\b/i,
  /^(?:reporter|editor|writer|author)\s*:\s*[^|]{2,40}(?:\|\s*(?:reporter|editor|writer|author)\s*:.*)?$/i,
  /^reading time\s*:/i,
  /^(?:read|baca juga|lihat juga|leer más|lire aussi|lesen sie auch|leia também)\s*:/i,
  /^(?:most read|more from [\p{L} ]{2,30}|explained)\s*:/iu,
  /\bselect it with the mouse and press ctrl\s*\+\s*enter\b|\breport a mistake\b/i,
  /^for information media\b|\bnot an official record\b/i,
  /^(?:comments|comentarios|commentaires|kommentare)\s*\(\d+\)/i,
  /\backnowledges\b.{0,60}\bpeoples?\b.{0,40}\b(?:first|traditional) (?:australians|owners|custodians)\b/i,
  /^audience relations\b|\bp\.?o\.? box \d+/i,
  /^\d{1,3}(?:,\d{3})*(?:st|nd|rd|th) meeting\b/i,
  /^\([a-z]{1,4}\/[a-z]{1,4}\)$/,
  /\bturn on notifications\b|^share this live blog\b/i,
  /^share\s*[|·]/i,
  guarded(/©/u, /^[\p{Lu}][\p{L}&.' -]{1,40}\s(?:ab|ltd|llc|inc|gmbh|s\.?r\.?o|sa|as|oy)\.?\s*©\s*\d{4}$/iu),
  /\b(?:ltd|limited|llc|inc)\.?,\s*(?:level|suite|floor)\b/i,
  /^photo\s*[|/]\s*file$/i,
];

/** `text.toLowerCase().includes('contributed')`, without a lower-case copy of the text (only ASCII letters lower to these). */
export const CONTRIBUTED_WORD = /contributed/i;
/** "Reporters … contributed to this report": a credit line (the text must hold "contributed"). */
const CONTRIBUTED = /\b(?:writers?|correspondents?|reporters?) [\p{Lu}][^.]{0,80}\bcontributed(?: to this (?:report|story|article))?\.?$/iu;
/** An e-mail address (the text must hold "@"). */
const EMAIL_ADDRESS = /[^\s@]{1,64}@[^\s@]{1,100}\.[a-z]{2,}/i;
const anyNotice = anyPattern(NOTICE.filter((entry): entry is RegExp => entry instanceof RegExp));
const GUARDED_NOTICE = NOTICE.filter((entry): entry is Guarded => !(entry instanceof RegExp));

/** A notice, a prompt or a credit line: one of NOTICE, or one of the two patterns tried only where their literal is. */
export function isNotice(text: string): boolean {
  return anyNotice(text) || GUARDED_NOTICE.some((guard) => testGuarded(guard, text)) || (text.includes('@') && EMAIL_ADDRESS.test(text)) || (CONTRIBUTED_WORD.test(text) && CONTRIBUTED.test(text));
}

/** A photo caption or a credit: "(Reuters Photo)", "Photo: AFP", "AFP via Getty Images". */
/** "(Cem Özdel - Anadolu Agency)", "(R)", "(L to R)": marks of a photo caption. */
const CAPTION_MARK = /\((?:[^()]{2,40}\s[-–—/|]\s[^()]{2,40})\)\s*$|\((?:L|R|C|left|right|centre|center|2nd [LR]|L to R|R to L|front|back)\)/;
export const CREDIT = guarded(/[(/]|photo|image|picture|getty|shutterstock/i, /\((?:[^()]*\b(?:photo|photograph|image|picture|pic|file photo|credit|getty|shutterstock)\b[^()]*)\)\s*$|\b(?:photo|photograph|image|picture)s?\s*(?:by|credit|courtesy|:)\s*\S+|\bvia getty images\b|\bgetty images\b|\bshutterstock\b|\b(?:AP|AFP|EPA|Reuters|Anadolu|TASS|Sputnik)\s*(?:Photo|\/)\s*[\w .]*$|^(?:file )?photo\b.*[:—–-]/i);

const URL_ONLY = /^(?:<)?(?:https?:\/\/|www\.)\S+(?:>)?$/i;
const HASHTAG_LINE = /^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u;
export const SLUG = guarded(/-(?:and|or|of|in)-/, /\b[a-z]+(?:-[a-z]+)*-(?:and|or|of|in)-[a-z]+(?:-[a-z]+)*\b/g);
export const SLUG_LINE = guarded(/^[a-z]/, /^(?=.*[a-z]-[a-z])[a-z][a-z0-9-]*(?:\s*[,|/»›>·•]\s*[a-z][a-z0-9-]*|\s+[a-z][a-z0-9]*-[a-z0-9-]+)+$/);
/** A short line holding a web address: a share link, a "Short Url", a bare link. */
const URL_IN_SHORT = /(?:https?:\/\/|www\.)\S+/i;
/** "Home » Politics » Diplomacy", "News / World / Europe". */
export const BREADCRUMB = guarded(/\s[»›>/|]\s/u, /^(?:[\p{L}&'’ -]{1,30}\s+[»›>/|]\s+){1,6}[\p{L}&'’ -]{1,30}$/u);

function isHeadlineLike(block: Block): boolean {
  return blockWords(block) <= 24 && !/[.!?]["”’]?$/.test(block.text);
}

export function markBoilerplate(blocks: Block[]): string[] {
  const hashtags: string[] = [];
  let inList = false;
  let afterCredit = false;
  for (const block of blocks) {
    const text = block.text;
    // "Getty Images" on a line of its own: the line after it is the photo's caption
    const creditLine = blockWords(block) <= 4 && testGuarded(CREDIT, text);
    if (afterCredit && !creditLine && blockWords(block) <= 30 && !/[“”"]/.test(text) && block.kind === 'paragraph') {
      block.role = 'caption';
      afterCredit = false;
      continue;
    }
    afterCredit = creditLine;
    if (inList) {
      if (isHeadlineLike(block) || URL_ONLY.test(text) || (text.length <= 800 && isNotice(text))) {
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
    // (a slug holds a hyphen: most texts are passed over by looking for one)
    const slugs = text.includes('-') && SLUG.needs.test(text) ? (text.match(SLUG.pattern)?.length ?? 0) : 0;
    if (
      EXACT.test(text) ||
      PREFIXED.test(text) ||
      URL_ONLY.test(text) ||
      (URL_IN_SHORT.test(text) && wordCount(text.replace(URL_IN_SHORT, '')) <= 14) ||
      testGuarded(SLUG_LINE, text) ||
      (testGuarded(BREADCRUMB, text) && !/[.!?]$/.test(text) && text.split(/\s+[»›>/|]\s+/).every((part) => wordCount(part) <= 4)) ||
      slugs >= 2 ||
      (blockWords(block) <= 60 && text.length <= 800 && isNotice(text))
    ) {
      block.role = 'boilerplate';
      continue;
    }
    if (blockWords(block) <= 60 && text.length <= 800 && (testGuarded(CREDIT, text) || CAPTION_MARK.test(text)) && !/[“”"]/.test(text)) {
      block.role = 'caption';
    }
  }
  return hashtags;
}
