// Neutral docs -> Telegram HTML: every piece of text escaped, links as <a>, long answers split
// under Telegram's 4096-character limit between blocks, never inside a figure, an entity or a tag.
import { packBlocks, type Block, type Doc, type Span } from '../../core/doc.ts';
import { isPrivateReply, replyDoc, type Reply } from '../../../commands/index.ts';

export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderSpan(s: Span): string {
  let out = escapeHtml(s.text);
  if (s.code) out = `<code>${out}</code>`;
  if (s.link) out = `<a href="${escapeHtml(s.link)}">${out}</a>`;
  if (s.bold) out = `<b>${out}</b>`;
  if (s.italic) out = `<i>${out}</i>`;
  return out;
}

/**
 * Plain text cut into pieces whose escaped form fits `limit`: cut between words where it can, never
 * inside an escaped entity ("&amp;" whole) or a character's UTF-16 pair, so every piece is valid HTML.
 */
export function splitEscaped(plain: string, limit: number): string[] {
  const pieces: string[] = [];
  const chars = Array.from(plain);
  let current = '';
  let size = 0;
  let lastSpace = -1; // index in `current` after the last whitespace
  let sizeAtSpace = 0;
  for (const ch of chars) {
    const escaped = escapeHtml(ch);
    if (size + escaped.length > limit && current) {
      if (lastSpace > 0 && sizeAtSpace > limit / 2) {
        pieces.push(current.slice(0, lastSpace).trimEnd());
        current = current.slice(lastSpace);
        size -= sizeAtSpace;
      } else {
        pieces.push(current);
        current = '';
        size = 0;
      }
      lastSpace = -1;
    }
    current += escaped;
    size += escaped.length;
    if (/\s/.test(ch)) {
      lastSpace = current.length;
      sizeAtSpace = size;
    }
  }
  if (current.trim()) pieces.push(current);
  return pieces.filter((p) => p.trim().length > 0);
}

function renderBlock(b: Block, limit: number): string[] {
  const html = b.spans.map(renderSpan).join('');
  const marked = b.item ? `• ${html}` : html;
  if (marked.length <= limit) return [marked];
  // A single block over the limit is sent as escaped text, cut between words and whole entities.
  return splitEscaped(`${b.item ? '• ' : ''}${b.spans.map((s) => (s.link && s.link !== s.text ? `${s.text} (${s.link})` : s.text)).join('')}`, limit);
}

export function docToHtmlMessages(doc: Doc, limit = MESSAGE_LIMIT): string[] {
  const blocks = doc.blocks.flatMap((b, i) => renderBlock(b, limit).map((html, j) => (b.heading && i > 0 && j === 0 && html.length < limit ? `\n${html}` : html)));
  if (doc.title) {
    const title = `<b>${escapeHtml(doc.title)}</b>`;
    blocks.unshift(...(title.length <= limit ? [title] : splitEscaped(doc.title, limit)));
  }
  return packBlocks(blocks, limit);
}

export interface TelegramMessage {
  html: string;
  /** Refusals and previews: in a group, sent as a reply to the one who asked. */
  private: boolean;
}

export function replyToHtml(reply: Reply, limit = MESSAGE_LIMIT): TelegramMessage[] {
  const doc = replyDoc(reply);
  const isPrivate = isPrivateReply(reply);
  return docToHtmlMessages(doc, limit).map((html) => ({ html, private: isPrivate }));
}
