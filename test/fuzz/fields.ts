import {
  BLANK,
  CSVS,
  DATES,
  EMAILS,
  ENCODING,
  KB100,
  LOGINS,
  NEW_PASSWORDS,
  NON_INTEGERS,
  NUMBERS,
  ODD_TEXT,
  PATHS,
  PROBLEMS,
  TIME_ZONES,
  TIMES,
  type Probe,
} from './values.ts';

export type FieldKind =
  | 'enum'
  | 'date'
  | 'int'
  | 'number'
  | 'problem'
  | 'login'
  | 'email'
  | 'timezone'
  | 'time'
  | 'text'
  | 'password'
  | 'newPassword'
  | 'csv'
  | 'path'
  | 'checkbox'
  | 'weekdays';

/** One field of a form (POST body) or of a GET form's query, as the app's own page sends it. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Leaving the field out must be refused (its page always sends it and the handler needs it). */
  required?: boolean;
  /** '' (or only whitespace) is a legitimate value meaning "default" (an empty optional input), so it is no probe. */
  blankOk?: boolean;
  /** Several values are legitimate (a group of checkboxes), so repeating the field is no probe. */
  multi?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  /** Route-specific values the field must refuse (e.g. a real problem that is not on today's list). */
  extra?: Probe[];
}

/** How a mutated field goes on the wire: urlencoded pairs (already encoded) replacing the field, or a JSON value. */
export type FieldValue = { form: Array<[string, string]> } | { json: unknown };
export interface FieldMutation {
  field: string;
  label: string;
  value: FieldValue;
  /** Broken at the encoding level (bad percent escape, invalid UTF-8): bad syntax, refused even in a GET query. */
  encoding?: boolean;
}

const enc = encodeURIComponent;
const formOf = (name: string, probe: Probe): FieldValue => ({
  form: [[enc(name), 'raw' in probe ? probe.raw : enc(probe.text)]],
});

function kindPool(field: FieldSpec): Probe[] {
  const t = (label: string, text: string): Probe => ({ label, text });
  switch (field.kind) {
    case 'enum':
      return [
        ...ODD_TEXT,
        t('unknown value', 'x-unknown'),
        t('upper case', `${(field.enum?.[0] ?? 'x').toUpperCase()}X`),
      ];
    case 'date':
      return [...DATES, ...ODD_TEXT.slice(0, 6)];
    case 'int':
      return [...NUMBERS, ...NON_INTEGERS, ...ODD_TEXT.slice(0, 6), ...bounds(field)];
    case 'number':
      return [...NUMBERS, ...ODD_TEXT.slice(0, 6), ...bounds(field)];
    case 'problem':
      return [...PROBLEMS, ...ODD_TEXT];
    case 'login':
      // 'constructor' is a plain word, a valid login (2–32 letters, digits, '.', '_', '-'): logins are stored in SQL and
      // never used as object keys, so it is no probe here (it stays one for enums and other structured fields).
      return [...LOGINS, ...ODD_TEXT.filter((p) => p.label !== 'constructor')];
    case 'email':
      return [...EMAILS, ...ODD_TEXT];
    case 'timezone':
      return [...TIME_ZONES, ...ODD_TEXT];
    case 'time':
      return [...TIMES, ...ODD_TEXT];
    case 'password':
      return [t('wrong password', 'wrong password 123'), ...ODD_TEXT];
    case 'newPassword':
      return NEW_PASSWORDS;
    case 'csv':
      return CSVS;
    case 'path':
      return [...PATHS, ...ODD_TEXT.slice(0, 4)];
    case 'weekdays':
      return ['0', '8', '-1', '1.5', 'NaN', '1e309', '🙂', 'a\u0000']
        .map((v) => t(`weekday ${JSON.stringify(v)}`, v))
        .concat(t('100 KB of 1s', '1'.repeat(100 * 1024)));
    case 'text':
    case 'checkbox':
      // Free text takes any well-encoded string (emoji, RTL …): only type, size and encoding probes apply.
      return [];
  }
}

function bounds(field: FieldSpec): Probe[] {
  const out: Probe[] = [];
  if (field.max !== undefined) out.push({ label: `max+1 (${field.max + 1})`, text: String(field.max + 1) });
  if (field.min !== undefined) out.push({ label: `min-1 (${field.min - 1})`, text: String(field.min - 1) });
  return out;
}

/** Every malformed value of one field, given the value the app's page would send for it. */
export function mutationsFor(field: FieldSpec, valid: string): FieldMutation[] {
  const name = field.name;
  const out: FieldMutation[] = [];
  const add = (label: string, value: FieldValue) => out.push({ field: name, label: `${name}: ${label}`, value });
  for (const p of ENCODING)
    out.push({ field: name, label: `${name}: ${p.label}`, value: formOf(name, p), encoding: true });
  if (!field.blankOk) for (const p of BLANK) add(p.label, formOf(name, p));
  add('100 KB', formOf(name, { label: '', text: KB100 }));
  if (!field.multi) {
    add('repeated (a=1&a=1)', {
      form: [
        [enc(name), enc(valid)],
        [enc(name), enc(valid)],
      ],
    });
    add('repeated with junk (a=1&a=x)', {
      form: [
        [enc(name), enc(valid)],
        [enc(name), 'x'],
      ],
    });
    add('JSON array', { json: [valid] });
  }
  // With extended: false, `a[b]=1` is a field named "a[b]": the real field is then missing, which only a required
  // field must refuse; the JSON object probe below covers objects for every field.
  if (field.required) add('bracket object a[b]=', { form: [[enc(`${name}[b]`), enc(valid)]] });
  add('JSON object', { json: { b: valid } });
  add('JSON nested 200 deep', { json: nested(200) });
  if (field.kind !== 'checkbox') add('JSON boolean', { json: true });
  add('JSON lone surrogate', { json: `${valid}\ud800` });
  if (field.required) add('JSON null', { json: null });
  for (const p of [...kindPool(field), ...(field.extra ?? [])]) add(p.label, formOf(name, p));
  return out;
}

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
