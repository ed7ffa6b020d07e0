import type { Translate } from '../i18n/index.ts';
import { levelFromTier } from '../judges/difficulty.ts';

/** solved.ac levels: 0 unrated, 1–5 Bronze V–I, 6–10 Silver, 11–15 Gold, 16–20 Platinum, 21–25 Diamond, 26–30 Ruby. */
export const TIERS = ['bronze', 'silver', 'gold', 'platinum', 'diamond', 'ruby'] as const;
export type Tier = (typeof TIERS)[number] | 'unrated';
const ROMAN = ['V', 'IV', 'III', 'II', 'I'];

export function tierOf(level: number): { tier: Tier; rank: string } {
  if (!Number.isInteger(level) || level < 1 || level > 30) return { tier: 'unrated', rank: '' };
  return { tier: TIERS[Math.floor((level - 1) / 5)], rank: ROMAN[(level - 1) % 5] };
}

/** 'Gold IV' (or '골드 IV'); 'Unrated' for level 0. */
export function tierLabel(level: number, t?: Translate): string {
  const { tier, rank } = tierOf(level);
  if (tier === 'unrated') return t ? t('tier.0') : 'Unrated';
  const name = t ? t(`tier.${tier}`) : tier[0].toUpperCase() + tier.slice(1);
  return `${name} ${rank}`;
}

/** Parses 'Gold IV' / 'gold 4' / 'g4' / '골드 4' style tier names back to a level; undefined when unknown. */
export function levelFromTierName(text: string): number | undefined {
  return levelFromTier(text);
}

/** Every level 0–30 in order, for tier range selects. */
export function tierOptions(): number[] {
  return Array.from({ length: 31 }, (_, level) => level);
}
