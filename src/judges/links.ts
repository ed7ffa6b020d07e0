import { JUDGES, JUDGE_KEYS, fillTemplate, linkParams, type JudgeKey } from './judges.ts';

/**
 * Where a problem can be read: its page (the judge's or the configured mirror's) and, for a closed judge, an archived
 * copy. Every problem link cote shows or sends comes from problemLinks: pages show `url` with `archive` beside it
 * (views/partials/_problem_link.ejs); where one link must do (an email, a mission line), it is `best`.
 */
export interface ProblemLinks {
  url: string | null;
  archive: string | null;
  /** The one link that still leads somewhere: the mirror when set, else a closed judge's archived copy, else the page. */
  best: string | null;
}

/** Link templates by judge; a missing or empty one means the judge's own page. */
export type LinkTemplates = Partial<Record<JudgeKey, string>>;

/**
 * The links of a problem id. `templates` come from COTE_LINK_<JUDGE> (a group's mirror); `fallback` is the URL stored
 * with the problem, used for judges cote does not know. Codeforces gym contests (100000+) have their own path.
 */
export function problemLinks(id: string, templates: LinkTemplates = {}, fallback: string | null = null): ProblemLinks {
  const at = id.indexOf(':');
  const judgeKey = (at < 0 ? 'boj' : id.slice(0, at)) as JudgeKey;
  const number = at < 0 ? id : id.slice(at + 1);
  if (!(JUDGE_KEYS as readonly string[]).includes(judgeKey)) return { url: fallback, archive: null, best: fallback };
  const judge = JUDGES[judgeKey];
  const params = linkParams(judgeKey, number);
  let template = templates[judgeKey] || judge.linkTemplate;
  if (!templates[judgeKey] && judgeKey === 'cf' && Number(params.contest) >= 100000)
    template = 'https://codeforces.com/gym/{contest}/problem/{index}';
  if (!templates[judgeKey] && judgeKey === 'cf' && number.startsWith('acmsguru/'))
    template = 'https://codeforces.com/problemsets/acmsguru/problem/99999/{index}';
  const url = fillTemplate(template, params);
  const archive = judge.archive ? fillTemplate(judge.archive.template, params) : null;
  return { url, archive, best: templates[judgeKey] ? url : (archive ?? url) };
}

/** The templates configured through COTE_LINK_<JUDGE>. */
export function linkTemplatesOf(config: {
  linkBoj: string;
  linkProgrammers: string;
  linkLeetcode: string;
  linkCf: string;
  linkAtcoder: string;
}): LinkTemplates {
  return {
    boj: config.linkBoj,
    programmers: config.linkProgrammers,
    leetcode: config.linkLeetcode,
    cf: config.linkCf,
    atcoder: config.linkAtcoder,
  };
}
