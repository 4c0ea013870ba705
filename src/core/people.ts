/*
 * Realistic English people, companies and words, drawn from faker's English definitions with
 * {@link Draws}: the same word lists faker uses, without a Faker instance (its methods parse
 * templates and re-check options on every call, several times the cost of the draw itself).
 * Formats follow faker's `internet.username`/`internet.email` with a given first and last name.
 */
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { Draws } from './draws.js';

/**
 * A drawn person: the name as shown, and its parts as they go into usernames (word characters
 * only) and email local parts (lowercase).
 */
export interface Person {
  firstName: string;
  lastName: string;
  /** `firstName` without apostrophes (`D'angelo` -> `Dangelo`). */
  userFirst: string;
  /** `lastName` without apostrophes, the hyphen of a double name as `_`. */
  userLast: string;
  /** `firstName` lowercase, without apostrophes. */
  mailFirst: string;
  /** `lastName` lowercase, without apostrophes (a double name keeps its hyphen). */
  mailLast: string;
}

/** A name of the lists with its username and email forms, computed once. */
interface Name {
  name: string;
  user: string;
  mail: string;
}

interface WordLists {
  /** Every English first name faker knows (generic, female and male lists, deduplicated). */
  firstNames: readonly Name[];
  lastNames: readonly Name[];
  freeEmailDomains: readonly string[];
  legalEntityTypes: readonly string[];
  nouns: readonly string[];
  verbs: readonly string[];
}

let lists: WordLists | undefined;

function nameForms(name: string): Name {
  const plain = name.replaceAll("'", '');
  return { name, user: plain.replace(/\W/g, '_'), mail: plain.toLowerCase() };
}

/** The lists, read from faker's definitions once per process. */
function wordLists(): WordLists {
  if (lists) return lists;
  // Faker types each definition as optional (a locale may lack it); English has them all.
  const definitions = englishFaker.rawDefinitions as unknown as {
    person: { first_name: { generic?: string[]; female?: string[]; male?: string[] }; last_name: { generic: string[] } };
    internet: { free_email: string[] };
    company: { legal_entity_type: string[] };
    word: { noun: string[]; verb: string[] };
  };
  const firstNames = definitions.person.first_name;
  lists = {
    firstNames: [...new Set([...(firstNames.generic ?? []), ...(firstNames.female ?? []), ...(firstNames.male ?? [])])].map(nameForms),
    lastNames: definitions.person.last_name.generic.map(nameForms),
    freeEmailDomains: definitions.internet.free_email,
    legalEntityTypes: definitions.company.legal_entity_type,
    nouns: definitions.word.noun,
    verbs: definitions.word.verb,
  };
  return lists;
}

/** One in twenty last names is double-barrelled, as faker's English `last_name_pattern` weighs them. */
function drawLastName(draws: Draws): Name {
  const { lastNames } = wordLists();
  const first = draws.pick(lastNames);
  if (draws.below(20) !== 0) return first;
  const second = draws.pick(lastNames);
  return { name: `${first.name}-${second.name}`, user: `${first.user}_${second.user}`, mail: `${first.mail}-${second.mail}` };
}

/** A last name (`Kreiger`, sometimes `Kreiger-Feil`). */
export function lastName(draws: Draws): string {
  return drawLastName(draws).name;
}

/** A first and last name. */
export function person(draws: Draws): Person {
  const first = draws.pick(wordLists().firstNames);
  const last = drawLastName(draws);
  return { firstName: first.name, lastName: last.name, userFirst: first.user, userLast: last.user, mailFirst: first.mail, mailLast: last.mail };
}

/**
 * `first.last` or `first_last`, then a number below 100 half the time: the shapes of faker's
 * `internet.username({ firstName, lastName })`.
 */
function handle(draws: Draws, first: string, last: string): string {
  const separator = draws.below(2) === 0 ? '.' : '_';
  const number = draws.below(100);
  return draws.below(2) === 0 ? `${first}${separator}${last}${number}` : `${first}${separator}${last}`;
}

/**
 * A username for `who` that matches `^[A-Z_a-z]\w*$` (Logto's username rule): only word
 * characters, the separator always `_`. Names start with a letter, so the username does too.
 */
export function username(draws: Draws, who: Person): string {
  return handle(draws, who.userFirst, who.userLast).replace('.', '_');
}

/** A lowercase address at a free mail provider (gmail.com, yahoo.com, hotmail.com), as faker's `internet.email`. */
export function freeEmail(draws: Draws, who: Person): string {
  const domain = draws.pick(wordLists().freeEmailDomains);
  return `${handle(draws, who.mailFirst, who.mailLast)}@${domain}`;
}

/** A company name in one of faker's English patterns: `A - B`, `A Inc`, `A, B and C`. */
export function companyName(draws: Draws): string {
  switch (draws.below(3)) {
    case 0:
      return `${lastName(draws)} - ${lastName(draws)}`;
    case 1:
      return `${lastName(draws)} ${draws.pick(wordLists().legalEntityTypes)}`;
    default:
      return `${lastName(draws)}, ${lastName(draws)} and ${lastName(draws)}`;
  }
}

/** An English noun (faker's `word.noun` list). */
export function noun(draws: Draws): string {
  return draws.pick(wordLists().nouns);
}

/** An English verb (faker's `word.verb` list). */
export function verb(draws: Draws): string {
  return draws.pick(wordLists().verbs);
}
