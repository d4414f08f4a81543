// Neutral docs -> Discord: markdown with every piece of text escaped, links masked without
// previews, and nothing that could ping (allowedMentions is empty too; this is a second guard).
import type { APIEmbed } from 'discord.js';
import { packBlocks, type Block, type Doc, type Span } from '../../core/doc.ts';
import { isPrivateReply, replyDoc, type Reply } from '../../../commands/index.ts';

export const MESSAGE_LIMIT = 2000;
export const EMBED_DESCRIPTION_LIMIT = 4096;
const EMBED_TITLE_LIMIT = 256;

/** Inline markdown anywhere in a line: emphasis, code, spoilers, strike-through, masked links, escapes. */
const INLINE_MARKUP = /[\\*_~`|[\]()]/g;
/** Markdown that works at the start of a line: headings and subtext (#, -#), block quotes (>), lists (-, *, +, 1.). */
const LINE_START_MARKUP = /^(\s*)(#|-#|>|[-*+](?=\s))/gm;
const NUMBERED_ITEM = /^(\s*\d+)([.)])(?=\s)/gm;

/**
 * Every piece of text as text: discord.js's escapeMarkdown leaves masked links, headings, block
 * quotes and lists live, so a note "[Official UK MoD](https://phish.example)" or "# URGENT" would
 * render as markup under the bot's name. Backslash-escapes every markdown character (Discord shows
 * an escaped ASCII punctuation character as itself), and breaks @everyone, @here and <@...> so they
 * can never mention anyone.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_START_MARKUP, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(NUMBERED_ITEM, (_m, number: string, mark: string) => `${number}\\${mark}`)
    .replace(/@/g, '@\u200b')
    .replace(/<(?=[@#:&!])/g, '<\u200b');
}

function renderSpan(s: Span): string {
  if (s.code) return `\`${s.text.replace(/`/g, 'ˋ')}\``;
  let out = escapeDiscord(s.text);
  // A link is shown as its address, never masked behind words: a reader sees where it goes.
  if (s.link) {
    const url = `<${s.link.replace(/>/g, '%3E').replace(/\s/g, '%20')}>`;
    out = s.text === s.link ? url : `${out} ${url}`;
  }
  if (s.bold) out = `**${out}**`;
  if (s.italic) out = `*${out}*`;
  return out;
}

export function renderBlock(b: Block): string {
  const body = b.spans.map(renderSpan).join('');
  return b.item ? `• ${body.replace(/\n/g, '\n  ')}` : body;
}

/** Plain messages (refusals, previews): the title in bold, then blocks, each under 2000 characters. */
export function docToMessages(doc: Doc): string[] {
  const blocks = doc.blocks.map(renderBlock);
  if (doc.title) blocks.unshift(`**${escapeDiscord(doc.title)}**`);
  return packBlocks(blocks, MESSAGE_LIMIT);
}

/** Public answers: embeds whose descriptions hold whole figures; a long answer takes several. */
export function docToEmbeds(doc: Doc): APIEmbed[] {
  const pages = packBlocks(doc.blocks.map(renderBlock), EMBED_DESCRIPTION_LIMIT);
  return pages.map((description, i) => ({
    ...(doc.title ? { title: clipTitle(i === 0 ? doc.title : `${doc.title} (${i + 1}/${pages.length})`) } : {}),
    description,
  }));
}

function clipTitle(title: string): string {
  return title.length <= EMBED_TITLE_LIMIT ? title : `${title.slice(0, EMBED_TITLE_LIMIT - 1)}…`;
}

export type DiscordMessage = { content?: string; embeds?: APIEmbed[]; ephemeral: boolean };

/** A reply -> the messages to send, first as the interaction's reply, the rest as follow-ups. */
export function replyToMessages(reply: Reply): DiscordMessage[] {
  const doc = replyDoc(reply);
  const ephemeral = isPrivateReply(reply);
  // Private replies, help and "not understood" are plain text; figures read better in embeds.
  const plain = ephemeral || (reply.kind === 'answer' && reply.answer.kind !== 'figures' && reply.answer.kind !== 'no_match');
  return plain ? docToMessages(doc).map((content) => ({ content, ephemeral })) : docToEmbeds(doc).map((embed) => ({ embeds: [embed], ephemeral: false }));
}
