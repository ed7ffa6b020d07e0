import type { FieldSpec } from './fields.ts';
import type { Role, RoleCtx, World } from './world.ts';

export type Values = Record<string, string | string[]>;

/**
 * What the harness knows about one route: the fields its page sends and valid values for a session, so every probe
 * changes exactly one thing in an otherwise valid request and therefore reaches the handler. A route missing here
 * still gets every generic probe (transport, CSRF, cookies, query, path parameters), never the field probes.
 */
export interface RouteSpec {
  /** Body fields (POST) or query fields (GET) of the app's own form. */
  fields?: FieldSpec[];
  /** The values that form sends for this session: accepted for the roles in `acceptedFor` (checked first). */
  valid?: (c: RoleCtx, w: World) => Values;
  /** Valid path parameters for this session. */
  params?: (c: RoleCtx, w: World) => Record<string, string>;
  /** Roles for which `valid` (POST) or the page (GET) is accepted; an empty list skips that check (see `why`). */
  acceptedFor: Role[];
  /** Whole-form combinations that must be refused although each field alone is fine. */
  combos?: (c: RoleCtx, w: World) => Array<{ label: string; values: Values }>;
  /**
   * A field naming where to go next, probed with REDIRECTS on `base` (a request that writes nothing, unless
   * `mayWrite` says why it must): the answer must be refused or go to a same-origin path.
   */
  redirect?: { field: string; base: (c: RoleCtx, w: World) => Values; mayWrite?: string };
  /** Exempt from the session CSRF check (the path token is the credential): its probes use unknown tokens only. */
  csrfExempt?: boolean;
  /** Path parameter probes that name something of another learner (IDOR), per parameter. */
  foreign?: (c: RoleCtx) => Record<string, string[]>;
  why?: string;
}

const LEARNERS: Role[] = ['learner', 'admin'];
const EVERYONE: Role[] = ['anonymous', 'learner', 'admin'];
const OUTCOMES = ['solved', 'solved_slow', 'hint', 'failed'];
const PROFILES = ['general', 'samsung', 'kakao', 'custom'];

// Only name and email are required. Leaving out the other fields is part of the app's contract, not a malformed
// request: a new learner (/setup, /learners) then gets the defaults — the page's language for `language`, which
// test/integration/ux.basics.test.ts promises for "an English browser sends no language field" — and /settings keeps
// the stored value (parseLearnerSettings, shared with `cote learner`). Marking them required made the harness's
// `a[b]=` probes (the field left out) demand a refusal the app must not give.
const settingsFields = (): FieldSpec[] => [
  { name: 'name', kind: 'text', required: true, extra: [{ label: '101 characters', text: 'n'.repeat(101) }] },
  { name: 'email', kind: 'email', required: true },
  { name: 'timezone', kind: 'timezone' },
  { name: 'language', kind: 'enum', enum: ['ko', 'en'] },
  {
    name: 'examDate',
    kind: 'date',
    blankOk: true,
    extra: [
      { label: 'more than 2 years ahead (2029-12-31)', text: '2029-12-31' },
      { label: '2099-01-01', text: '2099-01-01' },
    ],
  },
  { name: 'dailyMinutes', kind: 'int', min: 0, max: 1440 },
  { name: 'studyDays', kind: 'weekdays', multi: true },
  { name: 'profile', kind: 'enum', enum: PROFILES },
];

const settingsOf = (c: RoleCtx): Values => ({
  name: c.me.name,
  email: c.me.email,
  timezone: c.me.timezone,
  language: c.me.language,
  examDate: c.me.examDate ?? '',
  dailyMinutes: String(c.me.dailyMinutes),
  studyDays: c.me.studyDays.map(String),
  profile: c.me.profile,
});

const attemptFields = (): FieldSpec[] => [
  { name: 'day', kind: 'date', blankOk: true, extra: [{ label: 'tomorrow (future)', text: '2026-11-29' }] },
  { name: 'outcome', kind: 'enum', enum: OUTCOMES, blankOk: true },
  { name: 'minutes', kind: 'int', min: 0, max: 1440, blankOk: true },
  { name: 'note', kind: 'text', blankOk: true, extra: [{ label: '2,001 characters', text: 'n'.repeat(2001) }] },
];

const todayProblemField = (c: RoleCtx): FieldSpec => ({
  name: 'problem',
  kind: 'problem',
  required: true,
  extra: [{ label: "a real problem not on today's list", text: c.notOnToday }],
});

/** The group form of /groups (create and edit). */
const groupFields = (): FieldSpec[] => [
  {
    name: 'name',
    kind: 'text',
    required: true,
    extra: [
      { label: 'taken name, other case', text: 'OTHERS' },
      { label: '61 characters', text: 'n'.repeat(61) },
      { label: 'control character', text: 'a\u0007b' },
    ],
  },
  {
    name: 'examDate',
    kind: 'date',
    blankOk: true,
    extra: [
      { label: 'in the past', text: '2026-01-01' },
      { label: 'more than 2 years ahead', text: '2029-12-31' },
    ],
  },
  {
    name: 'profile',
    kind: 'enum',
    enum: ['general', 'samsung', 'kakao'],
    blankOk: true,
    extra: [{ label: "custom (a learner's own)", text: 'custom' }],
  },
  { name: 'lists', kind: 'enum', enum: ['tony9402-baekjoon'], blankOk: true, multi: true },
];

/** Keyed by `METHOD /path` as the router registers it. */
export function routeSpecs(): Record<string, RouteSpec | ((c: RoleCtx, w: World) => RouteSpec)> {
  return {
    'GET /': {
      fields: [
        { name: 'type', kind: 'enum', enum: ['math'], blankOk: true },
        { name: 'min', kind: 'int', min: 0, max: 30, blankOk: true },
        { name: 'max', kind: 'int', min: 0, max: 30, blankOk: true },
        { name: 'recommended', kind: 'checkbox' },
        { name: 'q', kind: 'text', blankOk: true },
      ],
      valid: () => ({ type: 'math', min: '1', max: '20', recommended: '1', q: '' }),
      acceptedFor: LEARNERS,
    },
    'GET /lists': { acceptedFor: EVERYONE },
    'GET /api/imports/:id': { params: (_c, w) => ({ id: String(w.importRunId) }), acceptedFor: EVERYONE },
    // A folded type's rows, as the checklist loads them: the same filters as GET /.
    'GET /types/:key/rows': (_c, w) => ({
      params: () => ({ key: w.categories[0] }),
      fields: [
        { name: 'min', kind: 'int', min: 0, max: 30, blankOk: true },
        { name: 'max', kind: 'int', min: 0, max: 30, blankOk: true },
        { name: 'recommended', kind: 'checkbox' },
        { name: 'status', kind: 'enum', enum: ['solved', 'unsolved', 'failed', 'new'], blankOk: true },
        { name: 'q', kind: 'text', blankOk: true },
      ],
      acceptedFor: LEARNERS,
    }),
    'GET /login': {
      fields: [{ name: 'next', kind: 'text', blankOk: true }],
      acceptedFor: EVERYONE,
      redirect: { field: 'next', base: () => ({}) },
    },
    'GET /setup': { acceptedFor: [], why: 'setup is done: the page sends everyone to /login' },
    'GET /settings': { acceptedFor: LEARNERS },
    'GET /learners': { acceptedFor: ['admin'] },
    'GET /history': {
      fields: [{ name: 'day', kind: 'date', blankOk: true }],
      valid: () => ({ day: '2026-11-21' }),
      acceptedFor: LEARNERS,
    },
    'GET /history/import': { acceptedFor: LEARNERS },
    'GET /export.csv': { acceptedFor: LEARNERS },
    'GET /export.json': { acceptedFor: LEARNERS },
    'GET /attempts/:id/edit': {
      params: (c) => ({ id: String(c.ownAttemptId) }),
      foreign: (c) => ({ id: [String(c.otherAttemptId)] }),
      acceptedFor: LEARNERS,
    },
    'GET /plan/today': { acceptedFor: LEARNERS },
    'GET /plan': { acceptedFor: LEARNERS },
    'GET /settings/weights': { acceptedFor: LEARNERS },
    'GET /digest/preview': { acceptedFor: LEARNERS },
    'GET /digest/outbox/:name': {
      params: (c) => ({ name: c.outboxFile }),
      foreign: (c) => ({ name: [c.otherOutboxFile] }),
      acceptedFor: LEARNERS,
    },
    'GET /settings/email': { acceptedFor: LEARNERS },
    'GET /unsubscribe/:token': { params: (c) => ({ token: c.me.unsubscribeToken }), acceptedFor: EVERYONE },
    'GET /group': { acceptedFor: LEARNERS },
    'GET /groups': { acceptedFor: ['admin'] },
    'GET /groups/:id/board': (c, w) => ({
      params: () => ({ id: String(w.groupId) }),
      // Another group's board is refused to a member (an admin may read any).
      foreign: (): Record<string, string[]> => (c.role === 'admin' ? {} : { id: [String(w.otherGroupId)] }),
      acceptedFor: LEARNERS,
    }),
    'GET /digest/outbox/:name/view': {
      params: (c) => ({ name: c.outboxFile }),
      foreign: (c) => ({ name: [c.otherOutboxFile] }),
      acceptedFor: LEARNERS,
    },
    'GET /digest/outbox/:name/html': {
      params: (c) => ({ name: c.outboxFile }),
      foreign: (c) => ({ name: [c.otherOutboxFile] }),
      acceptedFor: [],
      why: 'the seeded outbox files are plain text: with no HTML part the valid path is a 404',
    },
    'GET /attempts/:id/delete': {
      params: (c) => ({ id: String(c.ownAttemptId) }),
      foreign: (c) => ({ id: [String(c.otherAttemptId)] }),
      acceptedFor: LEARNERS,
    },
    'GET /favicon.ico': { acceptedFor: EVERYONE },
    // The switch's no-JS link: sets the cookie only (no row), then goes back.
    'GET /language': {
      fields: [{ name: 'lang', kind: 'enum', enum: ['ko', 'en'], required: true }],
      valid: () => ({ lang: 'ko', back: '/' }),
      acceptedFor: EVERYONE,
      redirect: { field: 'back', base: () => ({ lang: 'ko' }) },
    },

    'POST /language': {
      fields: [{ name: 'lang', kind: 'enum', enum: ['ko', 'en'], required: true }],
      // The session's own language: the switch then changes no row (a learner's language is set to what it was).
      valid: (c) => ({ lang: c.role === 'anonymous' ? 'ko' : c.me.language, back: '/' }),
      acceptedFor: EVERYONE,
      redirect: { field: 'back', base: (c) => ({ lang: c.role === 'anonymous' ? 'ko' : c.me.language }) },
    },
    'POST /setup': {
      fields: [
        { name: 'login', kind: 'login', required: true },
        { name: 'password', kind: 'newPassword', required: true },
        ...settingsFields(),
      ],
      valid: () => ({
        login: 'intruder',
        password: 'long enough 1',
        name: 'I',
        email: 'i@example.com',
        timezone: 'Asia/Seoul',
        language: 'ko',
        examDate: '',
        dailyMinutes: '60',
        studyDays: ['1'],
        profile: 'general',
      }),
      acceptedFor: [],
      why: 'setup is done (learners exist): every POST /setup must be refused, the valid form included',
    },
    'POST /login': {
      fields: [
        { name: 'login', kind: 'login', required: true },
        { name: 'password', kind: 'password', required: true },
      ],
      valid: (c) => ({ login: c.me.login, password: 'correct horse', next: '/plan/today' }),
      acceptedFor: EVERYONE,
      // A successful login writes only the sessions table, which is compared apart.
      redirect: { field: 'next', base: (c) => ({ login: c.me.login, password: 'correct horse' }) },
    },
    'POST /logout': { valid: () => ({}), acceptedFor: EVERYONE },
    'POST /settings': { fields: settingsFields(), valid: settingsOf, acceptedFor: LEARNERS },
    'POST /settings/password': {
      fields: [
        { name: 'current', kind: 'password', required: true },
        { name: 'password', kind: 'newPassword', required: true },
        {
          name: 'confirm',
          kind: 'text',
          required: true,
          extra: [{ label: 'differs from password', text: 'another passphrase 8' }],
        },
      ],
      valid: () => ({ current: 'correct horse', password: 'a new passphrase 7', confirm: 'a new passphrase 7' }),
      acceptedFor: LEARNERS,
    },
    'POST /learners': {
      fields: [
        {
          name: 'login',
          kind: 'login',
          required: true,
          extra: [
            { label: 'taken login', text: 'learner' },
            { label: 'taken login, other case', text: 'LEARNER' },
          ],
        },
        { name: 'password', kind: 'newPassword', required: true },
        ...settingsFields(),
        { name: 'isAdmin', kind: 'checkbox' },
      ],
      valid: () => ({
        login: 'newbie',
        password: 'long enough 1',
        name: 'New',
        email: 'new@example.com',
        timezone: 'Asia/Seoul',
        language: 'ko',
        examDate: '2027-03-01',
        dailyMinutes: '60',
        studyDays: ['1', '3'],
        profile: 'general',
      }),
      acceptedFor: ['admin'],
    },
    'POST /attempts': {
      fields: [{ name: 'problem', kind: 'problem', required: true }, ...attemptFields()],
      valid: () => ({
        problem: 'boj:1260',
        day: '2026-11-27',
        outcome: 'solved',
        minutes: '30',
        note: 'fuzz',
        back: '/',
      }),
      acceptedFor: LEARNERS,
      redirect: {
        field: 'back',
        base: () => ({ problem: 'boj:1260', day: '2026-11-27', outcome: 'solved', minutes: '30' }),
        mayWrite: 'the only answer with a Location is a logged attempt, so these probes log one (rolled back like all)',
      },
    },
    'POST /attempts/undo': {
      fields: [{ name: 'problem', kind: 'problem', blankOk: true }],
      valid: (c) => ({ problem: c.ownAttemptProblem, back: '/' }),
      acceptedFor: LEARNERS,
      redirect: { field: 'back', base: (c) => ({ problem: c.neverAttempted }) },
    },
    'POST /attempts/:id': {
      fields: attemptFields(),
      params: (c) => ({ id: String(c.ownAttemptId) }),
      foreign: (c) => ({ id: [String(c.otherAttemptId)] }),
      valid: () => ({ day: '2026-11-26', outcome: 'hint', minutes: '45', note: 'edited' }),
      acceptedFor: LEARNERS,
    },
    'POST /attempts/:id/delete': {
      params: (c) => ({ id: String(c.ownAttemptId) }),
      foreign: (c) => ({ id: [String(c.otherAttemptId)] }),
      valid: () => ({ back: '/history' }),
      acceptedFor: LEARNERS,
      redirect: {
        field: 'back',
        base: () => ({}),
        mayWrite: 'the only answer with a Location is a deletion (rolled back like all)',
      },
    },
    'POST /history/import': {
      fields: [
        { name: 'csv', kind: 'csv', required: true },
        { name: 'partial', kind: 'checkbox' },
      ],
      valid: () => ({ csv: 'problem,day,outcome,minutes\nboj:1978,2026-11-21,solved,20\n' }),
      acceptedFor: LEARNERS,
    },
    'POST /history/import/baekjoonhub': {
      fields: [
        { name: 'dir', kind: 'path', required: true },
        { name: 'partial', kind: 'checkbox' },
      ],
      valid: (_c, w) => ({ dir: w.hubDir }),
      acceptedFor: ['admin'],
    },
    'POST /lists/import': {
      fields: [{ name: 'source', kind: 'path', required: true }],
      valid: (_c, w) => ({ source: w.listDir }),
      acceptedFor: [],
      why: 'an accepted import runs in the background after the answer, so the valid form is not sent; probes use missing sources',
    },
    'POST /plan/today/log': (c) => ({
      fields: [todayProblemField(c), ...attemptFields().filter((f) => f.name !== 'day')],
      valid: () => ({ problem: c.todayProblem, outcome: 'solved', minutes: '25', note: '' }),
      acceptedFor: LEARNERS,
    }),
    'POST /plan/today/skip': (c) => ({
      fields: [todayProblemField(c)],
      valid: () => ({ problem: c.todayProblem }),
      acceptedFor: LEARNERS,
    }),
    'POST /plan/today/unskip': (c) => ({
      fields: [todayProblemField(c)],
      valid: () => ({ problem: c.todayProblem }),
      acceptedFor: [],
      why: "today's problem is not skipped in the fuzz world: the valid form answers 404 (not a skipped item)",
    }),
    'POST /plan/today/swap': (c) => ({
      fields: [todayProblemField(c)],
      valid: () => ({ problem: c.todayProblem }),
      acceptedFor: LEARNERS,
    }),
    'POST /plan/today/less': (c) => ({
      fields: [{ name: 'minutes', kind: 'int', min: 0, max: c.me.dailyMinutes, required: true }],
      valid: () => ({ minutes: '60' }),
      acceptedFor: LEARNERS,
    }),
    'POST /settings/weights': (_c, w) => ({
      fields: w.categories.map(
        (key): FieldSpec => ({ name: `w_${key}`, kind: 'number', min: 0, max: 100, blankOk: true }),
      ),
      valid: () => Object.fromEntries(w.categories.map((key, i) => [`w_${key}`, String(10 * (i + 1))])),
      combos: () => [
        { label: 'every weight 0', values: Object.fromEntries(w.categories.map((key) => [`w_${key}`, '0'])) },
        { label: 'every weight empty', values: Object.fromEntries(w.categories.map((key) => [`w_${key}`, ''])) },
      ],
      acceptedFor: LEARNERS,
    }),
    'POST /settings/email': {
      fields: [
        { name: 'time', kind: 'time', required: true },
        { name: 'enabled', kind: 'checkbox' },
      ],
      valid: () => ({ enabled: 'on', time: '20:30' }),
      acceptedFor: LEARNERS,
    },
    'POST /settings/email/test': { valid: () => ({}), acceptedFor: LEARNERS },
    'POST /groups': {
      fields: groupFields(),
      valid: () => ({ name: 'A new group', examDate: '2027-02-01', profile: 'samsung', lists: [] }),
      acceptedFor: ['admin'],
    },
    'POST /groups/:id': {
      fields: groupFields(),
      params: (_c, w) => ({ id: String(w.groupId) }),
      valid: () => ({ name: 'Fuzzers', examDate: '2027-01-15', profile: 'kakao' }),
      acceptedFor: ['admin'],
    },
    'POST /groups/:id/members': {
      fields: [
        {
          name: 'login',
          kind: 'login',
          required: true,
          extra: [
            { label: 'a learner in a group already', text: 'learner' },
            { label: 'unknown learner', text: 'nobody' },
          ],
        },
      ],
      params: (_c, w) => ({ id: String(w.groupId) }),
      valid: () => ({ login: 'visitor' }),
      acceptedFor: ['admin'],
    },
    'POST /groups/:id/members/remove': {
      fields: [
        { name: 'login', kind: 'login', required: true, extra: [{ label: 'a learner of no group', text: 'visitor' }] },
      ],
      params: (_c, w) => ({ id: String(w.groupId) }),
      valid: () => ({ login: 'learner' }),
      acceptedFor: ['admin'],
    },
    'POST /group/settings': {
      fields: [
        { name: 'sent', kind: 'enum', enum: ['1'], required: true },
        { name: 'hidden', kind: 'checkbox' },
        { name: 'digest', kind: 'checkbox' },
      ],
      valid: () => ({ sent: '1', hidden: '1', digest: '1' }),
      acceptedFor: LEARNERS,
    },
    'GET /settings/accounts': { acceptedFor: LEARNERS },
    'GET /api/sync': { acceptedFor: LEARNERS },
    'POST /settings/accounts': {
      fields: [
        {
          name: 'codeforces',
          kind: 'text',
          required: true,
          blankOk: true,
          extra: [{ label: 'not a handle', text: 'a b/../c' }],
        },
        {
          name: 'leetcode',
          kind: 'text',
          required: true,
          blankOk: true,
          extra: [{ label: 'not a username', text: '-x?y' }],
        },
        {
          name: 'solvedac',
          kind: 'text',
          required: true,
          blankOk: true,
          extra: [{ label: 'not a handle', text: 'a b' }],
        },
        {
          name: 'repos',
          kind: 'text',
          required: true,
          blankOk: true,
          extra: [
            { label: 'file:// URL', text: 'file:///etc' },
            { label: 'ssh remote', text: 'git@github.com:me/x.git' },
            { label: 'local path', text: '/var/lib/cote' },
            { label: 'loopback', text: 'http://127.0.0.1:1/x.git' },
            { label: 'user and password', text: 'https://u:p@github.com/me/x' },
          ],
        },
      ],
      // Blank fields: the fuzz learners have no accounts, so the valid form changes nothing and starts no sync.
      valid: () => ({ codeforces: '', leetcode: '', solvedac: '', repos: '' }),
      acceptedFor: LEARNERS,
    },
    'POST /settings/accounts/sync': {
      valid: () => ({}),
      acceptedFor: [],
      why: 'the fuzz learners have no accounts, so a valid press is a 422 (nothing to sync); a sync would reach the network',
    },
    // Nothing was deleted in these sessions, so the valid form restores nothing (and writes nothing).
    'POST /attempts/restore': { valid: () => ({}), acceptedFor: LEARNERS },
    'POST /lists/plan': (_c, w) => ({
      fields: [{ name: 'lists', kind: 'enum', enum: [w.listKey], required: true, multi: true }],
      valid: () => ({ lists: [w.listKey] }),
      acceptedFor: LEARNERS,
    }),
    'POST /lists/types': {
      fields: [
        { name: 'alias', kind: 'text', required: true },
        { name: 'type', kind: 'enum', enum: ['graph_traversal'], blankOk: true },
      ],
      valid: () => ({ alias: 'fuzz type', type: 'graph_traversal' }),
      acceptedFor: ['admin'],
    },
    'POST /lists/upload': {
      fields: [
        { name: 'name', kind: 'text', required: true },
        { name: 'format', kind: 'enum', enum: ['csv'], blankOk: true },
        { name: 'text', kind: 'text', required: true },
      ],
      valid: () => ({ name: 'Fuzz list', format: 'csv', text: 'url\nhttps://www.acmicpc.net/problem/1000\n' }),
      acceptedFor: ['admin'],
    },
    'POST /unsubscribe/:token': {
      params: () => ({ token: 'not-a-real-token-0000000000000000' }),
      valid: () => ({ 'List-Unsubscribe': 'One-Click' }),
      acceptedFor: [],
      csrfExempt: true,
      why: 'a real token legitimately switches the digest off whatever the body, so every probe carries an unknown token',
    },
  };
}

/** The spec of one route for one session, or undefined for a route the harness has no fields for. */
export function specFor(route: string, c: RoleCtx, w: World): RouteSpec | undefined {
  const spec = routeSpecs()[route];
  return typeof spec === 'function' ? spec(c, w) : spec;
}
