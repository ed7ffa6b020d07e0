/**
 * Calibration (PLANNER.md "Round 2"): cote's day-0 projected P(pass) against the realised pass rate (the mean of the
 * simulated exams' exact P(pass)), per cell and per profile.
 */
import { mean } from './stats.ts';

export interface CalibrationCell {
  cell: string;
  profile: string;
  /** Mean day-0 projection and mean realised P(pass) over the cell's learners with a projection. */
  projected: number;
  realised: number;
  n: number;
}

export interface CalibrationRow {
  profile: string;
  cells: number;
  /** Means over the profile's cells (cells weigh equally). */
  projected: number;
  realised: number;
  /** Mean over cells of |projected − realised|: the target is ≤ 0.05. */
  meanAbsGap: number;
  /** projected − realised of the means (the sign says over- or under-confident). */
  bias: number;
}

/** One cell's calibration from its learners' (projected, realised) pairs; learners without a projection are left out. */
export function calibrationCell(
  cell: string,
  profile: string,
  runs: { projected: number | null; pass: number }[],
): CalibrationCell | undefined {
  const paired = runs.filter((r) => r.projected !== null && Number.isFinite(r.projected));
  if (paired.length === 0) return undefined;
  return {
    cell,
    profile,
    projected: mean(paired.map((r) => r.projected!)),
    realised: mean(paired.map((r) => r.pass)),
    n: paired.length,
  };
}

export function calibrationTable(cells: CalibrationCell[]): CalibrationRow[] {
  const profiles = [...new Set(cells.map((c) => c.profile))];
  return profiles.map((profile) => {
    const mine = cells.filter((c) => c.profile === profile);
    const projected = mean(mine.map((c) => c.projected));
    const realised = mean(mine.map((c) => c.realised));
    return {
      profile,
      cells: mine.length,
      projected,
      realised,
      meanAbsGap: mean(mine.map((c) => Math.abs(c.projected - c.realised))),
      bias: projected - realised,
    };
  });
}
