import { instantAt, isDay, localDay } from '../../day.ts';
import { levelFromTierName } from '../../judges/tier.ts';
import { levelFromProgrammersLevel } from '../../judges/difficulty.ts';
import { problemIdOf } from '../../judges/judges.ts';
import { cleanTitle } from '../../text/title.ts';

/** What one BaekjoonHub README says about a solved problem. */
export interface HubRecord {
  judge: 'boj' | 'programmers';
  /** 'boj:17453', 'programmers:12951' */
  problem: string;
  title: string;
  /** solved.ac level for BOJ ('Gold IV' → 14); for Programmers '[level 2]' by the difficulty table; 0 unrated. */
  level: number;
  /** `### 제출 일자` as Korean wall-clock time, when the README has one (roughly since 2023). */
  submitted: { day: string; time: string } | null;
  categories: string[];
}

const HEADING_RE = /^#\s*\[([^\]]+)\]\s*(.*\S)\s+-\s+(\d+)\s*$/;
// Newer Programmers READMEs name the weekday and drop the seconds: '2024년 11월 06일 (수) 19:02'.
const DATE_RE =
  /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s*\([월화수목금토일]\))?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Parses a README that BaekjoonHub wrote. `judge` comes from the top folder (백준 / 프로그래머스); the problem
 * link decides when it is not given. Returns a message naming what is missing when the text is not such a README.
 */
export function parseHubReadme(text: string, judge?: 'boj' | 'programmers'): HubRecord | { error: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const heading = lines.map((l) => HEADING_RE.exec(l.trim())).find(Boolean);
  if (!heading) return { error: 'no "# [Tier] title - id" heading' };
  const [, tierText, title, number] = heading;
  const which =
    judge ?? (/programmers\.co\.kr/.test(text) ? 'programmers' : /acmicpc\.net/.test(text) ? 'boj' : undefined);
  if (!which) return { error: 'neither a Baekjoon nor a Programmers problem link' };
  const level = which === 'boj' ? levelFromTierName(tierText) : programmersLevelOf(tierText);
  if (level === undefined) return { error: `unknown ${which === 'boj' ? 'tier' : 'level'} "${tierText}"` };
  const problem = problemIdOf(which, number);
  if (!problem)
    return { error: `"${number.slice(0, 30)}" is not a ${which === 'boj' ? 'Baekjoon' : 'Programmers'} problem id` };
  const dateLine = section(lines, '제출 일자')[0];
  let submitted: HubRecord['submitted'] = null;
  if (dateLine !== undefined) {
    submitted = parseKoreanDate(dateLine);
    if (!submitted) return { error: `unreadable 제출 일자 "${dateLine}"` };
  }
  const categories = section(lines, which === 'boj' ? '분류' : '구분')
    .join(',')
    .split(/[,，]/)
    .map((c) => c.replace(/\(.*?\)\s*$/, '').trim())
    .filter(Boolean);
  // Some forks of BaekjoonHub write the title as a link to the problem: '# [Lv.1] [최소직사각형](https://…) - 86491'.
  const shown = title.replace(/^\[(.+)\]\(https?:\/\/[^)\s]*\)$/, '$1');
  return { judge: which, problem, title: cleanTitle(shown, problem), level, submitted, categories };
}

/** 'level 2' (BaekjoonHub's Programmers heading) → its level; anything else is unrated (0), never a lost solve. */
function programmersLevelOf(text: string): number {
  const m = /^\s*(?:level|lv\.?)\s*([0-5])\s*$/i.exec(text);
  return m ? levelFromProgrammersLevel(Number(m[1])) : 0;
}

/** '2026년 1월 6일 15:14:31', '2024년 07월 30일 19:20:39' or '2024년 11월 06일 (수) 19:02' → { day, time } in Korean wall-clock time. */
export function parseKoreanDate(text: string): { day: string; time: string } | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const hh = Number(m[4] ?? 0);
  if (!isDay(day) || hh > 23) return null;
  return { day, time: `${String(hh).padStart(2, '0')}:${m[5] ?? '00'}:${m[6] ?? '00'}` };
}

/** The learner's day of a submission BaekjoonHub dated in Korean time. */
export function hubSubmissionDay(submitted: { day: string; time: string }, timeZone: string): string {
  return localDay(instantAt(submitted.day, submitted.time, 'Asia/Seoul'), timeZone);
}

/** Non-empty lines under `### <name>` up to the next heading. */
function section(lines: string[], name: string): string[] {
  const start = lines.findIndex((l) => /^#{2,4}\s*/.test(l) && l.replace(/^#+\s*/, '').trim() === name);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    if (line.trim()) out.push(line.trim());
  }
  return out;
}
