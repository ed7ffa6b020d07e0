import type { Translate } from '../i18n/index.ts';

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

/** Parses 'Gold IV' / 'gold 4' / 'g4' style tier names back to a level; undefined when unknown. */
export function levelFromTierName(text: string): number | undefined {
  const m = /^\s*([a-z]+)\s*([ivx]+|[1-5])\s*$/i.exec(text);
  if (!m) return /^\s*unrated\s*$/i.test(text) ? 0 : undefined;
  const name = m[1].toLowerCase();
  const tierIndex = TIERS.findIndex((tier) => tier === name || tier[0] === name);
  if (tierIndex < 0) return undefined;
  const rankText = m[2].toUpperCase();
  const rank = /^[1-5]$/.test(rankText)
    ? Number(rankText)
    : ROMAN.indexOf(rankText) >= 0
      ? 5 - ROMAN.indexOf(rankText)
      : NaN;
  if (!(rank >= 1 && rank <= 5)) return undefined;
  return tierIndex * 5 + (6 - rank);
}

/** Every level 0–30 in order, for tier range selects. */
export function tierOptions(): number[] {
  return Array.from({ length: 31 }, (_, level) => level);
}
