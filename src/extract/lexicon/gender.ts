/**
 * Clues to whether "she" or "he" can point at someone: words of the role or title the text gives,
 * and the form of the given name. Used only to choose between people already named; unknown is
 * the answer when nothing is clear.
 */
export type Gender = 'female' | 'male' | 'unknown';

const FEMALE_TITLES = /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|stateswoman|ms|mrs|madam|madame|queen|princess|lady|dame|duchess|sister|mother|first lady|actress|wife|widow|daughter)\b/i;
const MALE_TITLES = /\b(?:spokesman|chairman|congressman|businessman|statesman|mr|king|prince|sheikh|emir|lord|sir|duke|brother|father|husband|son|ayatollah|patriarch|pope|cardinal)\b/i;

/** Given names ending in -a that are men's names. */
const MALE_IN_A = new Set([
  'nikita', 'ilya', 'luka', 'luca', 'andrea', 'mustafa', 'musa', 'isa', 'joshua', 'attila', 'yahya', 'osama', 'hamza',
  'ata', 'sasha', 'misha', 'mykola', 'nikola', 'kosta', 'kuzma', 'foma', 'sava', 'danila', 'jonah', 'elijah', 'ezra',
  'akira', 'juma', 'aliya', 'dana', 'garcia', 'nicola', 'josua', 'costa', 'mohammada', 'taha', 'reza', 'hamza', 'yasha',
]);

/** Common women's names that do not end in -a. */
const FEMALE_NAMES = new Set([
  'mette', 'kemi', 'karoline', 'christine', 'catherine', 'ingrid', 'ann', 'anne', 'elizabeth', 'margaret', 'hillary',
  'nancy', 'liz', 'mary', 'helen', 'sarah', 'rachel', 'susan', 'karen', 'janet', 'kristi', 'tulsi', 'nikki', 'kelly',
  'ruth', 'esther', 'tzipi', 'ayelet', 'leah', 'beatrice', 'agnes', 'alice', 'karin', 'marine', 'pauline', 'marion',
  'segolene', 'emmanuelle', 'elisabeth', 'heidi', 'kirsty', 'yvette', 'priti', 'suella', 'ellen', 'kristen', 'kathleen',
  'madeleine', 'jill', 'michelle', 'marjorie', 'lauren', 'elise', 'kirsten', 'shirley', 'sue', 'maxine', 'caroline',
  'charlotte', 'claire', 'isabelle', 'sophie', 'sylvie', 'nathalie', 'valerie', 'virginie', 'agnes', 'hanne', 'birgit',
  'gudrun', 'sigrid', 'astrid', 'ines', 'mercedes', 'carmen', 'pilar', 'dolores', 'yael', 'miriam', 'noor', 'zeynep',
  'ayse', 'aylin', 'meltem', 'gul', 'hatice', 'yulia', 'iryna', 'olha', 'lyubov', 'nadezhda', 'lyudmila', 'svetlana',
  'tatiana', 'oksana', 'kateryna', 'ewa', 'beata', 'jadwiga', 'kaja', 'ilhan', 'amy', 'emily', 'grace', 'jane', 'joan',
  'judith', 'linda', 'lisa', 'margrethe', 'jacqueline', 'dominique', 'penny', 'bridget', 'harriet',
]);

/** The gender a role phrase and a name suggest. */
export function genderOf(name: string, role: string | null): Gender {
  if (role && FEMALE_TITLES.test(role)) return 'female';
  if (role && MALE_TITLES.test(role)) return 'male';
  const first = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)[0];
  if (!first || name.split(/\s+/).length < 2) return 'unknown';
  if (FEMALE_NAMES.has(first)) return 'female';
  // surnames that say it: Icelandic -dóttir, Slavic and Baltic women's forms (-ova, -eva, -ina, -ska, -aitė, -ienė)
  const last = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/\s+/).pop() ?? '';
  if (/(?:dottir|ova|eva|ina|skaya|tskaya|ska|cka|aite|iene|yte)$/.test(last)) return 'female';
  if (/(?:sson|ov|ev|sky|ski|skiy|vich|enko|uk)$/.test(last) && !first.endsWith('a')) return 'male';
  if (first.endsWith('a') && !MALE_IN_A.has(first)) return 'female';
  return 'unknown';
}

/** Gender shown by a title written right before a name in the text ("Ms. Kallas", "Mr. Orban"). */
export function genderOfTitle(title: string): Gender {
  if (FEMALE_TITLES.test(title)) return 'female';
  if (MALE_TITLES.test(title)) return 'male';
  return 'unknown';
}
