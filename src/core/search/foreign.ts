import { stem } from './text.js';

/**
 * Words that name another field's tools or subjects: front-end layout and UI frameworks, data science and
 * model training, mobile UI, office tools, version control, game engines, deployment tooling's own syntax,
 * interview puzzles. A backend pattern is rarely what a question holding one of them asks for, so such a
 * question needs a confident match (see `searchIndex`) to be answered. Only words without a backend sense
 * are here; "hook" (webhooks), "commit" (transactions), "model" (data model), "ios" and "android" (an API's
 * clients), "train", "java" and "nginx" are not.
 */
const FOREIGN_WORDS = `
  css jquery flexbox tailwind scss sass html div jsx navbar dropdown stylesheet webpack vite babel
  react redux vue vuex angular svelte nextjs nuxt usestate useeffect usememo usecallback ngoninit
  sklearn scikit pandas numpy dataframe dataframes pytorch tensorflow keras overfitting jupyter matplotlib
  classifier cuda epochs
  swiftui flutter xcode recyclerview jetpack cocoapods
  excel vlookup spreadsheet sheets powerpoint docx keyboard
  git rebase gitignore
  fizzbuzz leetcode palindrome anagram fibonacci hashmap interview comprehension
  unity unreal rigidbody sprite
  helm terraform kubectl ansible ubuntu vim emacs photoshop wordpress
`;

const FOREIGN = new Set(FOREIGN_WORDS.split(/\s+/).filter(Boolean).map(stem));

/** Whether a query term (stemmed) names another field's subject. */
export const isForeign = (term: string): boolean => FOREIGN.has(term);
