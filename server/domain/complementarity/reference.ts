/**
 * The reviewed data behind complementarities between ESS and classic-economy actors:
 *  - `seeds/reference/trades.json`: trades ("métiers") an actor can be recognised in, by its NAF
 *    code or by the words of its name and activities, with the resources a trade takes in
 *    (collects, repairs, resells, recycles) and the services it provides;
 *  - `seeds/reference/naf-value-chain.json`: client, supplier and partner relations between NAF
 *    divisions or groups, each with a rationale;
 *  - `seeds/reference/complementarity-rules.json`: distances, grades and the publics that make
 *    two actors of one trade complementary rather than competitors.
 * Pure TypeScript: no Neo4j, no GraphQL. Integrity rules below, checked by unit tests.
 */
import rulesData from '../../../seeds/reference/complementarity-rules.json';
import tradesData from '../../../seeds/reference/trades.json';
import valueChainData from '../../../seeds/reference/naf-value-chain.json';
import { PUBLICS, Public } from '../model';

/** A trade, as `seeds/reference/trades.json` writes it. */
export interface Trade {
  /** kebab-case, unique, e.g. "car-repair". */
  code: string;
  nameFr: string;
  nameEn: string;
  /**
   * NAF rev.2 prefixes that identify the trade: a division "45", a group "45.2", a class
   * "45.20" or a sub-class "45.20A". An actor whose NAF code starts with one is in the trade.
   */
  nafPrefixes: string[];
  /**
   * Lowercase words or phrases (French and English) that, found in an actor's name, activities
   * or description, put it in the trade: "garage solidaire", "ressourcerie", "vélo-cargo".
   * Phrases match on folded, stemmed words, so plurals and accents do not matter.
   */
  keywords: string[];
  /** Resource category codes the trade collects, repairs, resells or recycles (MATERIAL kind). */
  takes: string[];
  /** Resource category codes of the services, logistics, equipment or expertise it provides. */
  provides: string[];
  /**
   * What an actor of this trade serving a social public (ESS) and one serving the market
   * (classic) can bring each other, in French, one sentence each; optional.
   */
  exchange?: { essBrings: string; classicBrings: string };
}

/** How the second NAF code stands to the first. */
export type ValueChainRelation = 'SUPPLIER' | 'CLIENT' | 'PARTNER';

/** One relation of `seeds/reference/naf-value-chain.json`. */
export interface ValueChainLink {
  /** NAF prefix (division "49", group "49.4", class "49.41" or sub-class "49.41A"). */
  from: string;
  fromLabel: string;
  /** NAF prefix of the other side. */
  to: string;
  toLabel: string;
  /** `to` is a SUPPLIER of `from`, a CLIENT of it, or a PARTNER (both ways). */
  relation: ValueChainRelation;
  /** 0..1: how often such pairs actually work together. */
  grade: number;
  /** One English sentence: why these activities meet. */
  rationale: string;
  /** One French sentence shown to facilitators, e.g. "Un transporteur peut confier ses derniers kilomètres à une coopérative de cyclologistique." */
  reasonFr: string;
}

export const COMPLEMENTARITY_KINDS = ['ACTIVITY', 'TARGET_PUBLIC', 'MATERIAL', 'SKILLS'] as const;
export type ComplementarityKind = (typeof COMPLEMENTARITY_KINDS)[number];

/** `seeds/reference/complementarity-rules.json`. */
export interface ComplementarityRules {
  /** Largest distance (km) at which a pair of each kind is proposed; the score falls linearly to it. */
  maxKm: Record<ComplementarityKind, number>;
  /** Two actors of the same trade and a common public within this distance (km) compete. */
  competitionKm: number;
  /**
   * NAF prefixes that say nothing of a trade (associations "94.99", other social action
   * "88.99"): they neither make two actors the same trade nor join the value chain.
   */
  genericNafPrefixes: string[];
  /**
   * Publics an actor employs rather than serves (people in insertion): they mark its social
   * mission but not its market, so they neither set two actors apart nor make them compete.
   */
  employmentPublics: Public[];
  /** Publics that mark a social mission: serving one of them, unlike the other actor, makes a same-trade pair complementary. */
  socialPublics: Public[];
  /** Base grades (0..1) of the rules that have no grade in another file. */
  grades: {
    /** A NEED flow met by an OFFER flow of the other economy (service, logistics, equipment, expertise). */
    flowMatch: number;
    /** A NEED flow met by a trade that provides that category, without a declared offer. */
    tradeProvides: number;
    /** An OFFER flow (surplus, unsold, end-of-life) taken in by the other's trade. */
    materialTaken: number;
    /** Same trade, different publics. */
    targetPublic: number;
    /** Expertise offered by one and needed by the other. */
    skillsFlow: number;
    /** A support network, research or training actor and a firm of a related trade. */
    skillsSupport: number;
    /** Same trade, competitors: partners all the same (subcontracting, shared markets). */
    competitorsAsPartners: number;
  };
  /** Every reason and rule explained in one place, for reviewers. */
  why: string;
}

const TRADE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// NAF rev.2: division "45", group "45.2", class "45.20", sub-class "45.20A".
const NAF_PREFIX = /^\d{2}(?:\.\d(?:\d[A-Z]?)?)?$/;

export function loadTrades(): Trade[] {
  return tradesData as Trade[];
}

export function loadValueChain(): ValueChainLink[] {
  return valueChainData as ValueChainLink[];
}

export function loadComplementarityRules(): ComplementarityRules {
  return rulesData as ComplementarityRules;
}

/** Whether a NAF code (any precision, with or without its final letter) falls under a prefix. */
export function nafMatches(nafCode: string, prefix: string): boolean {
  return nafCode.toUpperCase().startsWith(prefix.toUpperCase());
}

/**
 * Integrity of the trades file: unique kebab-case codes, names, valid NAF prefixes, at least
 * one way to be recognised (NAF prefix or keyword), lowercase keywords, and resource codes
 * that exist in the taxonomy.
 *
 * @returns one message per problem; empty when sound
 */
export function tradeProblems(trades: readonly Trade[], categoryCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const trade of trades) {
    const at = `trade ${trade.code}`;
    if (!TRADE_CODE.test(trade.code)) problems.push(`${at}: code must be lowercase kebab-case`);
    if (seen.has(trade.code)) problems.push(`${at}: duplicate code`);
    seen.add(trade.code);
    if (!trade.nameFr?.trim() || !trade.nameEn?.trim()) problems.push(`${at}: nameFr and nameEn are required`);
    for (const prefix of trade.nafPrefixes) if (!NAF_PREFIX.test(prefix)) problems.push(`${at}: NAF prefix "${prefix}" is not a division, group, class or sub-class`);
    if (trade.nafPrefixes.length === 0 && trade.keywords.length === 0) problems.push(`${at}: needs a NAF prefix or a keyword to be recognised`);
    for (const keyword of trade.keywords) if (keyword !== keyword.toLowerCase() || !keyword.trim()) problems.push(`${at}: keyword "${keyword}" must be non-empty lowercase`);
    for (const code of [...trade.takes, ...trade.provides]) if (!categoryCodes.has(code)) problems.push(`${at}: unknown resource category "${code}"`);
    if (trade.exchange && (!trade.exchange.essBrings?.trim() || !trade.exchange.classicBrings?.trim())) problems.push(`${at}: exchange needs both sentences`);
  }
  return problems;
}

/**
 * Integrity of the value-chain file: valid NAF prefixes, known relation, grade in 0..1,
 * labels, a rationale and a French reason, no duplicate (from, to) pair.
 */
export function valueChainProblems(links: readonly ValueChainLink[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const at = `link ${link.from} → ${link.to}`;
    if (!NAF_PREFIX.test(link.from) || !NAF_PREFIX.test(link.to)) problems.push(`${at}: NAF prefixes must be a division, group, class or sub-class`);
    if (!['SUPPLIER', 'CLIENT', 'PARTNER'].includes(link.relation)) problems.push(`${at}: unknown relation "${link.relation}"`);
    if (!(link.grade > 0 && link.grade <= 1)) problems.push(`${at}: grade must be in (0, 1]`);
    if (!link.fromLabel?.trim() || !link.toLabel?.trim()) problems.push(`${at}: labels are required`);
    if (!link.rationale?.trim() || !link.reasonFr?.trim()) problems.push(`${at}: rationale and reasonFr are required`);
    const key = `${link.from}|${link.to}`;
    if (seen.has(key)) problems.push(`${at}: duplicate`);
    seen.add(key);
  }
  return problems;
}

/** Integrity of the rules file. */
export function rulesProblems(rules: ComplementarityRules): string[] {
  const problems: string[] = [];
  for (const kind of COMPLEMENTARITY_KINDS) if (!(rules.maxKm[kind] > 0)) problems.push(`maxKm.${kind} must be positive`);
  if (!(rules.competitionKm > 0)) problems.push('competitionKm must be positive');
  for (const prefix of rules.genericNafPrefixes) if (!NAF_PREFIX.test(prefix)) problems.push(`generic NAF prefix "${prefix}" is not a division, group, class or sub-class`);
  for (const p of [...rules.socialPublics, ...rules.employmentPublics]) if (!(PUBLICS as readonly string[]).includes(p)) problems.push(`unknown public "${p}"`);
  for (const [name, grade] of Object.entries(rules.grades)) if (!(grade > 0 && grade <= 1)) problems.push(`grades.${name} must be in (0, 1]`);
  return problems;
}
