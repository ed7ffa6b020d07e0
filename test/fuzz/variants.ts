import { mutationsFor, type FieldMutation } from './fields.ts';
import type { RawRequest } from './http.ts';
import type { RouteSpec, Values } from './routes.ts';
import type { Rng } from './prng.ts';
import { REDIRECTS } from './values.ts';
import type { Role, RoleCtx, World } from './world.ts';

/** What a probe must get. Every probe also must not 5xx, leak a stack/path/parser message, or redirect off-site. */
export interface Expectation {
  /** Must be refused: a 4xx, or a redirect to /login (an anonymous session on a learner route). */
  refused: boolean;
  /** Must be accepted (the harness's own check that its valid form reaches the handler): 2xx or a redirect not to /login. */
  accepted?: boolean;
  /** When set, the status must be one of these. */
  status?: number[];
  /** The tables (but `sessions`) and the data directory's files must be as before. */
  unchanged: boolean;
}

export interface Variant {
  route: string;
  role: Role;
  group: string;
  label: string;
  request: RawRequest;
  expect: Expectation;
  /** Counted as a malformed request (the calibration request and redirect probes that must write are not). */
  malformed: boolean;
}

const enc = encodeURIComponent;
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const REFUSED: Expectation = { refused: true, unchanged: true };
const TOLERATED: Expectation = { refused: false, unchanged: true };
const PAD_3MB = 'p'.repeat(3 * 1024 * 1024);

/** Path parameter values no route may accept (plus, per route, another learner's ids). Sent raw. */
const PATH_PROBES: Array<[string, string]> = [
  ['zero', '0'],
  ['negative', '-1'],
  ['huge number', '9'.repeat(30)],
  ['exponent', '1e3'],
  ['hex', '0x1'],
  ['decimal', '1.0'],
  ['non-numeric', 'abc'],
  ['malformed escape', '%E0%A4%A'],
  ['lone %', '%'],
  ['encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['dot dot', '..'],
  ['NUL', '1%00'],
  ['lone surrogate', '%ED%A0%80'],
  ['emoji', '%F0%9F%99%82'],
  ['2,000 chars', 'x'.repeat(2000)],
  ['space', '%20'],
  ['__proto__', '__proto__'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['encoded slash', 'a%2Fb'],
];

const COOKIE_PROBES: Array<[string, string]> = [
  ['cote_lang malformed escape', 'cote_lang=%E0%A4%A'],
  ['cote_lang lone %', 'cote_lang=%'],
  ['cote_lang lone surrogate', 'cote_lang=%ED%A0%80'],
  ['cote_lang unknown language', 'cote_lang=xx'],
  ['cote_lang 6 KB', `cote_lang=${'k'.repeat(6 * 1024)}`],
  ['cote_lang twice', 'cote_lang=en; cote_lang=%E0%A4%A'],
  ['cote_lang NUL', 'cote_lang=ko%00'],
  ['garbage cookie header', ';;=;=%;%%'],
];

/** cote_lang values with bad syntax (not just an unknown language, which the page may ignore). */
const MALFORMED_LANG = new Set(['cote_lang malformed escape', 'cote_lang lone %', 'cote_lang lone surrogate']);

const QUERY_PROBES: Array<[string, string]> = [
  ['page=-1', 'page=-1'],
  ['page=1e9', 'page=1e9'],
  ['page=NaN', 'page=NaN'],
  ['page=1e309', 'page=1e309'],
  ['page twice', 'page=1&page=2'],
  ['page[]', 'page%5B%5D=1'],
  ['a[b]=1', 'a%5Bb%5D=1'],
  ['bare %', '%=1'],
  ['malformed escape', 'x=%E0%A4%A'],
  ['lone surrogate', 'x=%ED%A0%80'],
  ['NUL', 'x=%00'],
  ['__proto__[x]', '__proto__%5Bx%5D=1'],
  ['next=//evil', 'next=%2F%2Fevil.example'],
  ['back=https://evil', 'back=https%3A%2F%2Fevil.example'],
  ['next=/%5Cevil', 'next=/%5Cevil.example'],
  ['6 KB value', `q=${'q'.repeat(6 * 1024)}`],
  ['day=9999-12-31', 'day=9999-12-31'],
  ['day=0000-00-00', 'day=0000-00-00'],
  ['limit/offset absurd', 'limit=1e309&offset=-1'],
  ['20 KB query', `x=${'x'.repeat(20 * 1024)}`],
];

interface BuildOptions {
  path?: string;
  values?: Values;
  mutations?: FieldMutation[];
  /** 'body' (default), 'header' (X-CSRF-Token), 'none', or a literal token for the body or the header. */
  csrf?: 'body' | 'header' | 'none' | { body: string | string[] } | { header: string };
  cookie?: string;
  query?: string;
  headers?: Record<string, string>;
  json?: boolean;
  /** A body sent as is (with the token in the header unless `csrf` says otherwise). */
  raw?: { type?: string; body?: string | Buffer; chunked?: boolean };
}

/** Builds the probes of one route for one session. */
export class VariantBuilder {
  readonly out: Variant[] = [];
  readonly method: string;
  private readonly routePath: string;

  constructor(
    readonly route: string,
    readonly ctx: RoleCtx,
    readonly world: World,
    readonly spec: RouteSpec | undefined,
    readonly rng: Rng,
  ) {
    [this.method, this.routePath] = route.split(' ');
  }

  get isPost(): boolean {
    return this.method !== 'GET';
  }

  /** The route's path with valid parameters, or raw `override` values. */
  path(override: Record<string, string> = {}): string {
    const params = this.spec?.params?.(this.ctx, this.world) ?? {};
    return this.routePath.replace(/:(\w+)/g, (_m, name: string) => override[name] ?? enc(params[name] ?? '1'));
  }

  valid(): Values {
    return this.spec?.valid?.(this.ctx, this.world) ?? {};
  }

  add(group: string, label: string, options: BuildOptions, expect: Expectation, malformed = true): void {
    this.out.push({
      route: this.route,
      role: this.ctx.role,
      group,
      label,
      request: this.request(options),
      expect,
      malformed,
    });
  }

  request(o: BuildOptions): RawRequest {
    const headers: Record<string, string> = { accept: 'text/html' };
    const cookie = o.cookie ?? this.ctx.cookie;
    if (cookie) headers.cookie = cookie;
    const csrf = o.csrf ?? (o.raw ? 'header' : 'body');
    if (csrf === 'header') headers['x-csrf-token'] = this.ctx.csrf;
    if (typeof csrf === 'object' && 'header' in csrf) headers['x-csrf-token'] = csrf.header;
    const bodyToken =
      csrf === 'body' ? this.ctx.csrf : typeof csrf === 'object' && 'body' in csrf ? csrf.body : undefined;
    const values = o.values ?? this.valid();
    const mutations = o.mutations ?? [];
    let path = o.path ?? this.path();
    if (!this.isPost) {
      const query = [formPairs(values, mutations), o.query ?? ''].filter(Boolean).join('&');
      return { method: this.method, path: query ? `${path}?${query}` : path, headers: { ...headers, ...o.headers } };
    }
    if (o.query) path += `?${o.query}`;
    if (o.raw) {
      if (o.raw.type) headers['content-type'] = o.raw.type;
      return {
        method: this.method,
        path,
        headers: { ...headers, ...o.headers },
        body: o.raw.body,
        chunked: o.raw.chunked,
      };
    }
    if (o.json || mutations.some((m) => 'json' in m.value)) {
      const object: Record<string, unknown> = {};
      if (bodyToken !== undefined) object._csrf = bodyToken;
      Object.assign(object, values);
      for (const m of mutations) if ('json' in m.value) object[m.field] = m.value.json;
      return {
        method: this.method,
        path,
        headers: { ...headers, 'content-type': JSON_TYPE, ...o.headers },
        body: JSON.stringify(object),
      };
    }
    const tokens =
      bodyToken === undefined ? [] : ([] as string[]).concat(bodyToken).map((token) => `_csrf=${enc(token)}`);
    const body = [...tokens, formPairs(values, mutations)].filter(Boolean).join('&');
    return { method: this.method, path, headers: { ...headers, 'content-type': FORM, ...o.headers }, body };
  }
}

/** `values` urlencoded, each mutated field replaced by its probe's (already encoded) pairs. */
function formPairs(values: Values, mutations: FieldMutation[]): string {
  const pairs: string[] = [];
  const byField = new Map(mutations.filter((m) => 'form' in m.value).map((m) => [m.field, m]));
  for (const [name, value] of Object.entries(values)) {
    if (byField.has(name)) continue;
    for (const v of ([] as string[]).concat(value)) pairs.push(`${enc(name)}=${enc(v)}`);
  }
  for (const m of byField.values()) if ('form' in m.value) for (const [k, v] of m.value.form) pairs.push(`${k}=${v}`);
  return pairs.join('&');
}

/**
 * The probes of one route for one session, deterministic for a given rng: the fixed ones (calibration, redirects,
 * path parameters, transport, CSRF, the cookie that crashes today), then a seeded sample of the rest (field values,
 * cookies, query strings, headers) and random ones until `target` malformed requests. A larger target (or another
 * seed) sends more of the pool.
 */
export function variantsFor(b: VariantBuilder, target: number): Variant[] {
  const { spec, ctx } = b;
  const accepted = spec?.acceptedFor.includes(ctx.role) ?? false;
  if (accepted && (!b.isPost || spec?.valid))
    b.add(
      'calibrate',
      'the valid request (must be accepted)',
      {},
      { refused: false, accepted: true, unchanged: false },
      false,
    );
  // Redirect probes first: on POST /login they must run before failed logins fill the login's rate limit.
  if (spec?.redirect) redirectProbes(b, spec.redirect);
  if (b.route.includes(':')) pathProbes(b);
  pathEscapeProbes(b);
  const badLang = `${ctx.cookie}; cote_lang=%E0%A4%A`;
  if (b.isPost) {
    transportProbes(b);
    csrfProbes(b);
    b.add('cookie', 'cote_lang malformed escape + broken JSON body', { cookie: badLang, raw: BROKEN_JSON }, REFUSED);
  } else {
    // Issue 12: a malformed cote_lang cookie is bad cookie syntax, answered with a 4xx page (not ignored, not a 500).
    b.add('cookie', 'cote_lang malformed escape', { cookie: badLang }, REFUSED);
    b.add('cookie', 'no cookie at all', { cookie: '' }, TOLERATED);
    b.add(
      'header',
      'Accept: application/json + malformed cote_lang',
      { headers: { accept: JSON_TYPE }, cookie: badLang },
      REFUSED,
    );
  }
  for (const combo of spec?.combos?.(ctx, b.world) ?? [])
    b.add('combo', combo.label, { values: { ...b.valid(), ...combo.values } }, REFUSED);

  const pool = new VariantBuilder(b.route, ctx, b.world, spec, b.rng);
  const fieldProbes = fieldMutations(b);
  // A GET page may ignore an odd value of its query fields, but not bad syntax in one (status rule: 400).
  for (const m of fieldProbes)
    pool.add('field', m.label, { mutations: [m] }, b.isPost || m.encoding ? REFUSED : TOLERATED);
  if (b.isPost) {
    for (const [label, cookie] of COOKIE_PROBES.slice(1))
      pool.add(
        'cookie',
        `${label} + broken JSON body`,
        { cookie: `${ctx.cookie}; ${cookie}`, raw: BROKEN_JSON },
        REFUSED,
      );
    for (const [label, query] of QUERY_PROBES)
      pool.add('query', `?${label} + broken JSON body`, { query, raw: BROKEN_JSON }, REFUSED);
    pool.add(
      'header',
      'Accept: application/json + broken JSON body',
      { raw: BROKEN_JSON, headers: { accept: JSON_TYPE } },
      REFUSED,
    );
    pool.add(
      'header',
      'X-Requested-With + broken JSON body',
      { raw: BROKEN_JSON, headers: { 'x-requested-with': 'XMLHttpRequest' } },
      REFUSED,
    );
  } else {
    for (const [label, query] of QUERY_PROBES) pool.add('query', `?${label}`, { query }, TOLERATED);
    for (const [label, cookie] of COOKIE_PROBES.slice(1))
      pool.add(
        'cookie',
        label,
        { cookie: `${ctx.cookie}; ${cookie}` },
        MALFORMED_LANG.has(label) ? REFUSED : TOLERATED,
      );
    pool.add('header', 'Accept: application/json', { headers: { accept: JSON_TYPE } }, TOLERATED);
    pool.add('header', 'X-Requested-With', { headers: { 'x-requested-with': 'XMLHttpRequest' } }, TOLERATED);
    pool.add(
      'header',
      'Accept-Language garbage',
      { headers: { 'accept-language': `*;q=NaN, ko;q=-1, ;;;, en-${'x'.repeat(2000)}` } },
      TOLERATED,
    );
    pool.add('header', 'Host: evil.example', { headers: { host: 'evil.example' } }, TOLERATED);
  }
  // About 70% of what remains of the budget goes to the form's own fields, the rest to cookies, query and headers.
  const fields = b.rng.shuffle(pool.out.filter((v) => v.group === 'field'));
  const others = b.rng.shuffle(pool.out.filter((v) => v.group !== 'field'));
  const remaining = Math.max(0, target - malformedCount(b));
  const fieldShare = Math.min(fields.length, Math.ceil(remaining * (others.length ? 0.7 : 1)));
  const ordered = [...fields.slice(0, fieldShare), ...others, ...fields.slice(fieldShare)];
  for (const v of ordered) {
    if (malformedCount(b) >= target) break;
    b.out.push(v);
  }
  fill(b, target, fieldProbes);
  return b.out;
}

const malformedCount = (b: VariantBuilder) => b.out.filter((v) => v.malformed).length;

const BROKEN_JSON = { type: JSON_TYPE, body: '{"a":' };

function fieldMutations(b: VariantBuilder): FieldMutation[] {
  const valid = b.valid();
  const out: FieldMutation[] = [];
  for (const field of b.spec?.fields ?? []) {
    const value = ([] as string[]).concat(valid[field.name] ?? '')[0] ?? '';
    // A GET form travels in the query string: only its urlencoded probes apply.
    for (const m of mutationsFor(field, value)) if (b.isPost || 'form' in m.value) out.push(m);
  }
  return out;
}

function redirectProbes(b: VariantBuilder, redirect: NonNullable<RouteSpec['redirect']>): void {
  for (const probe of REDIRECTS) {
    const raw = 'raw' in probe ? probe.raw : enc(probe.text);
    const mutation: FieldMutation = {
      field: redirect.field,
      label: `${redirect.field}: ${probe.label}`,
      value: { form: [[redirect.field, raw]] },
    };
    b.add(
      'redirect',
      mutation.label,
      { values: redirect.base(b.ctx, b.world), mutations: [mutation] },
      { refused: false, unchanged: !redirect.mayWrite },
      !redirect.mayWrite,
    );
  }
}

function pathProbes(b: VariantBuilder): void {
  const names = [...b.route.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const foreign = b.spec?.foreign?.(b.ctx) ?? {};
  for (const name of names) {
    const probes: Array<[string, string]> = [
      ...PATH_PROBES,
      ...(foreign[name] ?? []).map((v): [string, string] => ["another learner's", enc(v)]),
    ];
    for (const [label, raw] of probes) b.add('path', `:${name} ${label}`, { path: b.path({ [name]: raw }) }, REFUSED);
  }
}

function pathEscapeProbes(b: VariantBuilder): void {
  const path = b.path().replace(/\/$/, '');
  const root = path === '' ? '/' : path;
  const probes: Array<[string, string]> = [
    ['malformed escape appended to the path', `${root}%E0%A4%A`],
    ['encoded traversal appended to the path', `${path}/..%2F..%2Fetc%2Fpasswd`],
    ['%00 appended to the path', `${root}%00`],
  ];
  for (const [label, p] of probes) b.add('path', label, { path: p }, REFUSED);
}

function transportProbes(b: VariantBuilder): void {
  const valid = b.valid();
  const form = formPairs(valid, []);
  const json = JSON.stringify(valid);
  const add = (
    label: string,
    type: string | undefined,
    body: string | Buffer | undefined,
    expect: Expectation = REFUSED,
    more: Partial<BuildOptions> = {},
  ) => b.add('transport', label, { raw: { type, body, chunked: more.raw?.chunked }, headers: more.headers }, expect);
  const tooLarge = { ...REFUSED, status: [413] };
  add('missing body (no content type)', undefined, undefined);
  add('text/plain body', 'text/plain', form);
  add('broken JSON {"a":', JSON_TYPE, '{"a":');
  add('truncated JSON of the form', JSON_TYPE, json.slice(0, Math.max(1, Math.floor(json.length / 2))));
  add('JSON trailing comma', JSON_TYPE, json.replace(/}$/, ',}'));
  add('JSON single quotes', JSON_TYPE, "{'a': 'b'}");
  add('JSON NaN literal', JSON_TYPE, '{"a": NaN}');
  add('JSON top-level string', JSON_TYPE, '"str"');
  add('JSON top-level number', JSON_TYPE, '123');
  add('JSON null', JSON_TYPE, 'null');
  add('JSON array', JSON_TYPE, JSON.stringify([valid]));
  add(
    'multipart garbage',
    'multipart/form-data; boundary=xyz',
    '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\ngarbage',
  );
  add('multipart without boundary', 'multipart/form-data', 'garbage');
  add('application/xml', 'application/xml', '<?xml version="1.0"?><a><b>1</b></a>');
  add(
    'text/xml with an external entity',
    'text/xml',
    '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
  );
  add('application/octet-stream', 'application/octet-stream', Buffer.from([0, 1, 2, 255, 254]));
  // One 3 MB body per session (form, JSON or chunked by turns): each costs ~30 ms, the three sessions cover all three.
  const big = { anonymous: 0, learner: 1, admin: 2 }[b.ctx.role];
  if (big === 0) add('3 MB form body', FORM, `${form}&pad=${PAD_3MB}`, tooLarge);
  if (big === 1) add('3 MB JSON body', JSON_TYPE, JSON.stringify({ ...valid, pad: PAD_3MB }), tooLarge);
  if (big === 2) add('3 MB chunked form body', FORM, `${form}&pad=${PAD_3MB}`, tooLarge, { raw: { chunked: true } });
  add('1,001 form fields', FORM, `${form}&${Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&')}`);
  add('charset=utf-7', `${FORM}; charset=utf-7`, form);
  add('gzip garbage', FORM, Buffer.from('not gzip at all'), REFUSED, { headers: { 'content-encoding': 'gzip' } });
  add('unknown content-encoding', FORM, form, REFUSED, { headers: { 'content-encoding': 'compress' } });
  if (b.spec?.fields?.some((f) => f.required)) add('the JSON of the form sent as a form', FORM, json);
}

function csrfProbes(b: VariantBuilder): void {
  // A CSRF-exempt route is reached with an unknown path token, so its probes are refused without being a 403.
  const forbidden: Expectation = b.spec?.csrfExempt ? REFUSED : { ...REFUSED, status: [403] };
  const token = b.ctx.csrf;
  const forged = forge(token);
  b.add('csrf', 'no token', { csrf: 'none' }, forbidden);
  b.add('csrf', 'forged token', { csrf: { body: forged } }, forbidden);
  b.add('csrf', "another session's token", { csrf: { body: b.ctx.otherCsrf } }, forbidden);
  b.add('csrf', 'empty token', { csrf: { body: '' } }, forbidden);
  b.add('csrf', 'token with a trailing space', { csrf: { body: `${token} ` } }, forbidden);
  b.add(
    'csrf',
    'token twice (an array)',
    { csrf: { body: [token, token] } },
    b.spec?.csrfExempt ? REFUSED : { ...REFUSED, status: [400, 403] },
  );
  b.add('csrf', 'forged header token, none in the body', { csrf: { header: forged } }, forbidden);
  b.add('csrf', 'token in the query string only', { csrf: 'none', query: `_csrf=${enc(token)}` }, forbidden);
  b.add(
    'csrf',
    "forged session cookie + this session's token",
    { cookie: 'cote.sid=s%3Aforged.c2lnbmF0dXJl' },
    forbidden,
  );
  b.add('csrf', 'no cookie + a valid token', { cookie: '' }, forbidden);
  b.add('csrf', 'session cookie with a malformed escape', { cookie: 'cote.sid=%E0%A4%A' }, forbidden);
}

function forge(token: string): string {
  return token.replace(/[0-9a-f]/g, (c) => ((parseInt(c, 16) + 7) % 16).toString(16)) || 'forged';
}

/** Random probes (seeded) until the route has `target` malformed ones for this session. */
function fill(b: VariantBuilder, target: number, fieldProbes: FieldMutation[]): void {
  const count = () => malformedCount(b);
  const rng = b.rng;
  const formProbes = fieldProbes.filter((m) => 'form' in m.value);
  for (let n = 1; count() < target && n < 10 * target; n++) {
    if (!b.isPost) {
      const key = rng.pick([
        'page',
        'day',
        'q',
        'type',
        'min',
        'max',
        'next',
        'back',
        'id',
        'sort',
        'limit',
        'offset',
        'lang',
        '%',
        'a%5Bb%5D',
      ]);
      const value = rng.pick([
        '-1',
        '1e309',
        '1e9',
        'NaN',
        '%E0%A4%A',
        '%ED%A0%80',
        '%00',
        '',
        '%2F%2Fevil.example',
        '9999-12-31',
        '0000-00-00',
        '2026-02-30',
        '%F0%9F%99%82',
      ]);
      const twice = rng.chance(0.3) ? `&${key}=${rng.int(1000)}` : '';
      b.add(
        'query',
        `random ?${key}=${value}${twice ? ' (twice)' : ''} #${n}`,
        { query: `${key}=${value}${twice}` },
        TOLERATED,
      );
      continue;
    }
    const kind = rng.int(formProbes.length > 1 ? 4 : 3);
    if (kind === 0) {
      const json = JSON.stringify({ ...b.valid(), r: rng.int(1e6) });
      b.add(
        'transport',
        `random truncated JSON #${n}`,
        { raw: { type: JSON_TYPE, body: json.slice(0, 1 + rng.int(json.length - 1)) } },
        REFUSED,
      );
    } else if (kind === 1) {
      const bytes = Buffer.from(Array.from({ length: 1 + rng.int(64) }, () => rng.int(256)));
      const type = rng.pick([
        JSON_TYPE,
        'text/plain',
        'application/octet-stream',
        'image/png',
        'multipart/form-data; boundary=q',
        `${FORM}; charset=latin9`,
      ]);
      b.add('transport', `random ${bytes.length} bytes as ${type} #${n}`, { raw: { type, body: bytes } }, REFUSED);
    } else if (kind === 2) {
      const token = Array.from({ length: Math.max(8, b.ctx.csrf.length) }, () => rng.int(16).toString(16)).join('');
      b.add(
        'csrf',
        `random forged token #${n}`,
        { csrf: { body: token } },
        b.spec?.csrfExempt ? REFUSED : { ...REFUSED, status: [403] },
      );
    } else {
      const first = rng.pick(formProbes);
      const second = rng.pick(formProbes.filter((m) => m.field !== first.field));
      const pair = second ? [first, second] : [first];
      b.add('field', `${pair.map((m) => m.label).join(' + ')} #${n}`, { mutations: pair }, REFUSED);
    }
  }
}
