// Text and URLs from outside (moderators, sources, imported files) as the bot keeps them: no
// control characters, terminal escapes, bidi overrides or NUL, which could hide or reorder what an
// operator's terminal or a reader's chat shows; URLs in one form, without credentials or secrets.

/** ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-byte ESC x. */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g;
/** C0 and C1 controls except tab and newline, DEL, and the bidi embeddings, overrides, isolates and marks. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]/g;

/** Half of a UTF-16 pair without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without terminal escapes, control characters (tab becomes a space) or bidi controls. */
export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '').replace(ANSI, '').replace(/\t/g, ' ').replace(INVISIBLE, '');
}

/** True when `cleanText` would leave the text as it is. */
export function isCleanText(value: string): boolean {
  return cleanText(value) === value;
}

/** Query parameters that carry credentials rather than say which page is meant. */
const SECRET_PARAM = /(?:^|[_-])(?:token|access[_-]?token|api[_-]?key|apikey|key|secret|password|passwd|pwd|sig|signature|auth|authorization|credential|credentials|session|sid|x-amz-[a-z-]+|code)$/i;

export function isSecretParam(name: string): boolean {
  return SECRET_PARAM.test(name) || /^x-amz-/i.test(name) || /token|secret|password|apikey|api_key/i.test(name);
}

/**
 * An http(s) URL in the one form the bot stores and shows: scheme and host lower-case (the WHATWG
 * parser's form), no user name or password, no query parameter that looks like a secret, no
 * fragment-only noise. Null when it is not an http(s) URL.
 */
export function normaliseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) if (isSecretParam(name)) url.searchParams.delete(name);
  return url.toString();
}

/** A location (URL or path) safe to show or log: credentials and secret parameters replaced. */
export function redactLocation(location: string): string {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return location;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return location;
  if (url.username) url.username = 'REDACTED';
  if (url.password) url.password = '';
  for (const name of [...url.searchParams.keys()]) if (isSecretParam(name)) url.searchParams.set(name, 'REDACTED');
  return url.toString();
}
