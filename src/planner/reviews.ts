import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { addDays } from '../day.ts';
import type { CatalogIndex } from './catalogIndex.ts';
import type { HistoryAttempt, Outcome } from './types.ts';

/**
 * Spaced re-solving: a problem solved slowly, with a hint, or failed is a review card (FSRS-6) until a later
 * clean solve retires it. Due dates are clamped to exam − 2 so every lapse is re-solved before the exam.
 */
export interface ReviewCard {
  problem: number;
  lastOutcome: Outcome;
  lastDay: string | null;
  due: string;
  /** The due date before a past one was moved up to today: how long the re-solve has been waiting. */
  firstDue: string;
}

const scheduler = fsrs(generatorParameters({ enable_short_term: false, request_retention: 0.9, enable_fuzz: false }));

const GRADE: Record<Outcome, Grade> = {
  failed: Rating.Again,
  hint: Rating.Hard,
  solved_slow: Rating.Hard,
  solved: Rating.Good,
};

function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function reviewCards(
  index: CatalogIndex,
  ordered: HistoryAttempt[],
  today: string,
  exam: string | null,
): ReviewCard[] {
  const cards = new Map<number, { card: Card; last: HistoryAttempt }>();
  for (const a of ordered) {
    const p = index.byId.get(a.problem);
    if (p === undefined) continue;
    const entry = cards.get(p);
    if (!entry && a.outcome === 'solved') continue;
    const when = dateOf(a.day ?? today);
    const card = scheduler.next(entry?.card ?? createEmptyCard(when), when, GRADE[a.outcome]).card;
    cards.set(p, { card, last: a });
  }
  const latest = exam ? addDays(exam, -2) : null;
  const out: ReviewCard[] = [];
  for (const [problem, { card, last }] of cards) {
    if (last.outcome === 'solved') continue;
    let due = card.due.toISOString().slice(0, 10);
    if (latest && due > latest) due = latest;
    const firstDue = due;
    if (due < today) due = today;
    out.push({ problem, lastOutcome: last.outcome, lastDay: last.day, due, firstDue });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.problem - b.problem);
}
