// Neutral docs -> Telegram HTML: every piece of text escaped, links as <a>, long answers split
// under Telegram's 4096-character limit between blocks, never inside a figure.
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

function plainSpan(s: Span): string {
  return escapeHtml(s.link && s.link !== s.text ? `${s.text} (${s.link})` : s.text);
}

function renderBlock(b: Block, limit: number): string {
  const html = b.spans.map(renderSpan).join('');
  const marked = b.item ? `• ${html}` : html;
  // A single block over the limit is sent as escaped text, which can be cut safely between words.
  if (marked.length <= limit) return marked;
  return `${b.item ? '• ' : ''}${b.spans.map(plainSpan).join('')}`;
}

export function docToHtmlMessages(doc: Doc, limit = MESSAGE_LIMIT): string[] {
  const blocks = doc.blocks.map((b, i) => (b.heading && i > 0 ? `\n${renderBlock(b, limit)}` : renderBlock(b, limit)));
  if (doc.title) blocks.unshift(`<b>${escapeHtml(doc.title)}</b>`);
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
