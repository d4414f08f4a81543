// A platform-neutral message: what every command replies with. Each adapter renders it for its
// platform (Discord markdown, Telegram HTML, plain text) and escapes every span as it does.
// A block is the unit that is never split across messages: one figure, one claim, one line.

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** An http(s) address; rendered as a link on the span's text. */
  link?: string;
}

export interface Block {
  spans: Span[];
  /** Shown as a list item under the previous heading. */
  item?: boolean;
  /** Starts a new section: a claimant's name, a heading. */
  heading?: boolean;
}

export interface Doc {
  title: string | null;
  blocks: Block[];
}

export const text = (t: string): Span => ({ text: t });
export const bold = (t: string): Span => ({ text: t, bold: true });
export const italic = (t: string): Span => ({ text: t, italic: true });
export const code = (t: string): Span => ({ text: t, code: true });
export const link = (t: string, url: string): Span => ({ text: t, link: url });

export const paragraph = (...spans: Span[]): Block => ({ spans });
export const item = (...spans: Span[]): Block => ({ spans, item: true });
export const heading = (...spans: Span[]): Block => ({ spans, heading: true });

export function doc(title: string | null, blocks: Block[]): Doc {
  return { title, blocks };
}

/** Only http(s) links are ever rendered as links; anything else stays text. */
export function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Plain text of a doc, for the command line and for length estimates. */
export function docToPlainText(d: Doc): string {
  const lines: string[] = [];
  if (d.title) lines.push(d.title);
  for (const b of d.blocks) {
    const body = b.spans.map((s) => (s.link && s.link !== s.text ? `${s.text} (${s.link})` : s.text)).join('');
    if (b.heading && lines.length) lines.push('');
    lines.push(b.item ? `- ${body}` : body);
  }
  return lines.join('\n');
}

/**
 * Splits rendered blocks into messages of at most `limit` characters without cutting a block;
 * a single block longer than the limit (a very long note) is cut at a line or word break.
 */
export function packBlocks(rendered: string[], limit: number, separator = '\n'): string[] {
  const messages: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (!current) current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      messages.push(current);
      current = piece;
    }
  };
  for (const block of rendered) {
    if (block.length <= limit) push(block);
    else for (const part of cutLongBlock(block, limit)) push(part);
  }
  if (current) messages.push(current);
  return messages;
}

function cutLongBlock(block: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = block;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const cut = at > limit / 2 ? at : limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
