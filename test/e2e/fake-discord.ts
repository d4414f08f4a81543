// A fake Discord on 127.0.0.1 that the tests own: enough of the REST API and of the v10 JSON
// gateway for the real discord.js client to log in, receive events and answer them.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | undefined;
  /** Files sent with a multipart request (discord.js uploads attachments as files[n] beside payload_json). */
  files?: { field: string; name: string; contentType: string; data: Buffer }[];
}

export const APP_ID = '100000000000000001';
export const BOT_ID = '100000000000000001';
export const GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000003';
export const MOD_ROLE_ID = '400000000000000004';
/** The role Discord makes for the bot in a server it joins (managed, tagged with the bot's id). */
export const BOT_ROLE_ID = '400000000000000009';
/** A server someone else made and added the bot to, with its own channel. */
export const OTHER_GUILD_ID = '200000000000000012';
export const OTHER_CHANNEL_ID = '300000000000000013';
export const DM_CHANNEL_ID = '600000000000000006';
export const MANAGE_MESSAGES = (1n << 13n).toString();
export const MANAGE_CHANNELS = (1n << 4n).toString();
export const ADMINISTRATOR = (1n << 3n).toString();
export const MESSAGE_CONTENT_INTENT = 1 << 15;

/** Where an event happens: a server's channel, or a direct message with the bot. */
export type Place = { guildId: string; channelId: string } | 'dm';
export const HOME: Place = { guildId: GUILD_ID, channelId: CHANNEL_ID };
export const ELSEWHERE: Place = { guildId: OTHER_GUILD_ID, channelId: OTHER_CHANNEL_ID };
export interface MemberOptions {
  permissions?: string;
  roles?: string[];
  place?: Place;
}

let snowflake = 500000000000000000n;
export const nextId = () => (++snowflake).toString();

export interface FakeUser {
  id: string;
  username: string;
}

const userJson = (u: FakeUser, bot = false) => ({ id: u.id, username: u.username, discriminator: '0', global_name: u.username, avatar: null, bot });

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  /** Members of the home server and their roles, as GET /guilds/:id/members/:user answers. */
  readonly homeMembers = new Map<string, string[]>();
  /** The next interaction callback is refused as Discord refuses one that came too late (10062). */
  failNextCallback = false;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private sequence = 0;
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  port = 0;

  constructor() {
    // Never an unhandled rejection when a request fails half-way (the test is stopping the server).
    this.http = createServer((req, res) =>
      void this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      }),
    );
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  async start(): Promise<void> {
    this.http.listen(0, '127.0.0.1');
    await once(this.http, 'listening');
    this.port = (this.http.address() as AddressInfo).port;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Resolves when `check` holds after some request or gateway message; fails after `ms`. */
  waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; requests: ${JSON.stringify(this.requests.map((r) => `${r.method} ${r.path}`))}`)), ms);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) if (w.check()) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
  }

  // --- REST ---------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const text = bytes.toString('utf8');
    const path = (req.url ?? '').replace(/^\/api\/v\d+/, '').replace(/\?.*$/, '');
    let body: unknown = null;
    let files: RecordedRequest['files'];
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      // Attachments: the JSON body in payload_json, each file in its own part.
      const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
      files = [];
      for (const [field, v] of form) {
        if (typeof v === 'string') {
          if (field === 'payload_json') body = JSON.parse(v);
        } else files.push({ field, name: v.name, contentType: v.type, data: Buffer.from(await v.arrayBuffer()) });
      }
    } else {
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
    }
    this.requests.push({ method: req.method ?? '', path, body, authorization: req.headers.authorization, ...(files ? { files } : {}) });
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.notify();
    };
    const m = (re: RegExp) => re.exec(`${req.method} ${path}`);
    if (m(/^GET \/gateway\/bot$/)) {
      return send(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (m(/^POST \/interactions\/\d+\/[^/]+\/callback$/)) {
      if (!this.failNextCallback) return send(204);
      this.failNextCallback = false;
      return send(404, { code: 10062, message: 'Unknown interaction' });
    }
    const member = m(/^GET \/guilds\/(\d+)\/members\/(\d+)$/);
    if (member) {
      const roles = member[1] === GUILD_ID ? this.homeMembers.get(member[2]!) : undefined;
      if (!roles) return send(404, { code: 10007, message: 'Unknown Member' });
      return send(200, { user: userJson({ id: member[2]!, username: `user${member[2]}` }), roles, joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 });
    }
    if (m(/^(?:POST \/webhooks\/\d+\/[^/]+|PATCH \/webhooks\/\d+\/[^/]+\/messages\/(?:@|%40)original)$/)) return send(200, this.messageJson(CHANNEL_ID, body));
    if (m(/^DELETE \/webhooks\/\d+\/[^/]+\/messages\/(?:@|%40)original$/)) return send(204);
    const channel = m(/^POST \/channels\/(\d+)\/messages$/);
    if (channel) return send(200, this.messageJson(channel[1]!, body));
    const commands = m(/^PUT \/applications\/\d+(?:\/guilds\/\d+)?\/commands$/);
    if (commands) {
      const problems = validateCommands(body);
      if (problems.length) return send(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
      return send(200, (body as object[]).map((c) => ({ ...c, id: nextId(), application_id: APP_ID, version: nextId() })));
    }
    send(404, { code: 0, message: `404: not in the fake (${req.method} ${path})` });
  }

  private messageJson(channelId: string, body: unknown) {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      id: nextId(), channel_id: channelId, type: 0, author: userJson({ id: BOT_ID, username: 'lossbot' }, true), content: b.content ?? '',
      embeds: b.embeds ?? [], components: b.components ?? [], attachments: ((b.attachments ?? []) as { id: string | number; filename?: string }[]).map((a) => ({ id: nextId(), filename: a.filename ?? 'file', size: 1, url: `https://cdn.example/${a.filename ?? 'file'}`, proxy_url: `https://cdn.example/${a.filename ?? 'file'}` })), mentions: [], mention_roles: [], mention_everyone: false,
      pinned: false, tts: false, timestamp: new Date().toISOString(), edited_timestamp: null, flags: b.flags ?? 0,
    };
  }

  // --- Gateway -------------------------------------------------------------------------------

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: unknown };
      if (msg.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 2) {
        this.identifies.push(msg.d);
        this.dispatchTo(socket, 'READY', {
          v: 10, user: { ...userJson({ id: BOT_ID, username: 'lossbot' }, true), verified: true, mfa_enabled: false, flags: 0 },
          guilds: [{ id: GUILD_ID, unavailable: true }, { id: OTHER_GUILD_ID, unavailable: true }], session_id: 'fake-session', resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          application: { id: APP_ID, flags: 0 }, shard: [0, 1],
        });
        this.dispatchTo(socket, 'GUILD_CREATE', guildJson(GUILD_ID, CHANNEL_ID));
        this.dispatchTo(socket, 'GUILD_CREATE', guildJson(OTHER_GUILD_ID, OTHER_CHANNEL_ID));
      }
      this.notify();
    });
  }

  private dispatchTo(socket: WebSocket, t: string, d: unknown): void {
    socket.send(JSON.stringify({ op: 0, t, s: ++this.sequence, d }));
  }

  dispatch(t: string, d: unknown): void {
    for (const s of this.sockets) this.dispatchTo(s, t, d);
  }

  // --- Events the tests send -----------------------------------------------------------------

  /** A slash command, as a member with these permissions and roles, where `member.place` says (default: the home server). */
  slashCommand(user: FakeUser, name: string, options: unknown[], member: MemberOptions = {}, resolved?: unknown): string {
    return this.interaction(user, 2, { id: nextId(), name, type: 1, options, ...(resolved ? { resolved } : {}) }, member);
  }

  button(user: FakeUser, customId: string, member: MemberOptions = {}): string {
    const place = member.place ?? HOME;
    return this.interaction(user, 3, { custom_id: customId, component_type: 2 }, member, { message: this.messageJson(place === 'dm' ? DM_CHANNEL_ID : place.channelId, { content: 'preview', flags: 64 }) });
  }

  /** Any interaction type: 4 is autocomplete. */
  interactionOf(user: FakeUser, type: number, data: unknown, member: MemberOptions = {}): string {
    return this.interaction(user, type, data, member);
  }

  private interaction(user: FakeUser, type: number, data: unknown, member: MemberOptions, extra: object = {}): string {
    const id = nextId();
    const place = member.place ?? HOME;
    const where =
      place === 'dm'
        ? { channel_id: DM_CHANNEL_ID, channel: { id: DM_CHANNEL_ID, type: 1, recipients: [userJson(user)] }, user: userJson(user), authorizing_integration_owners: { '1': user.id }, context: 1 }
        : {
            guild_id: place.guildId, channel_id: place.channelId, channel: { id: place.channelId, type: 0, guild_id: place.guildId, name: 'general' },
            member: { user: userJson(user), roles: member.roles ?? [], permissions: member.permissions ?? '0', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false },
            guild_locale: 'en-US', authorizing_integration_owners: { '0': place.guildId }, context: 0,
          };
    this.dispatch('INTERACTION_CREATE', { id, application_id: APP_ID, type, token: `interaction-token-${id}`, version: 1, app_permissions: '0', locale: 'en-US', entitlements: [], ...where, data, ...extra });
    return id;
  }

  message(user: FakeUser, content: string, options: { mentionBot?: boolean; mentionRoles?: string[]; dm?: boolean } = {}): string {
    const id = nextId();
    this.dispatch('MESSAGE_CREATE', {
      // Discord sends the channel's type with every message (1 = DM, 0 = text channel).
      id, channel_id: options.dm ? DM_CHANNEL_ID : CHANNEL_ID, channel_type: options.dm ? 1 : 0, ...(options.dm ? {} : { guild_id: GUILD_ID, member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } }),
      author: userJson(user), content, type: 0, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
      mentions: options.mentionBot ? [userJson({ id: BOT_ID, username: 'lossbot' }, true)] : [], mention_roles: options.mentionRoles ?? [], attachments: [], embeds: [], pinned: false, flags: 0, components: [],
    });
    return id;
  }

  /** Requests whose path contains `fragment`. */
  calls(method: string, fragment: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof fragment === 'string' ? r.path.includes(fragment) : fragment.test(r.path)));
  }
}

function guildJson(guildId: string, channelId: string) {
  return {
    id: guildId, name: guildId === GUILD_ID ? 'Test server' : "A stranger's server", icon: null, owner_id: '1', unavailable: false, member_count: 3, large: false, joined_at: '2024-01-01T00:00:00.000Z',
    roles: [
      { id: guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ...(guildId === GUILD_ID
        ? [
            { id: MOD_ROLE_ID, name: 'Moderators', permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
            { id: BOT_ROLE_ID, name: 'lossbot', permissions: '0', position: 2, color: 0, hoist: false, managed: true, mentionable: true, flags: 0, tags: { bot_id: BOT_ID } },
          ]
        : []),
    ],
    channels: [{ id: channelId, type: 0, name: 'general', guild_id: guildId, position: 0, permission_overwrites: [] }],
    members: [], presences: [], voice_states: [], threads: [], stage_instances: [], guild_scheduled_events: [], emojis: [], stickers: [], features: [],
    afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0,
    preferred_locale: 'en-US', system_channel_flags: 0,
  };
}

/** Discord's limits on registered commands, as its API enforces them. */
export function validateCommands(body: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(body)) return ['body must be an array'];
  if (body.length > 100) problems.push('more than 100 commands');
  const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
  const checkOptions = (where: string, options: unknown) => {
    if (options === undefined) return;
    if (!Array.isArray(options)) return problems.push(`${where}: options must be an array`);
    if (options.length > 25) problems.push(`${where}: ${options.length} options, more than 25`);
    let seenOptional = false;
    for (const o of options as Record<string, unknown>[]) {
      const at = `${where}.${String(o.name)}`;
      if (typeof o.name !== 'string' || !NAME.test(o.name) || o.name !== o.name.toLowerCase()) problems.push(`${at}: bad name`);
      if (typeof o.description !== 'string' || o.description.length < 1 || o.description.length > 100) problems.push(`${at}: description must be 1-100 characters`);
      if (typeof o.type !== 'number' || o.type < 1 || o.type > 11) problems.push(`${at}: bad type ${String(o.type)}`);
      if (o.type === 1 || o.type === 2) checkOptions(at, o.options);
      else {
        if (o.required) {
          if (seenOptional) problems.push(`${at}: required option after an optional one`);
        } else seenOptional = true;
      }
      if (o.choices !== undefined) {
        const choices = o.choices as { name: string; value: unknown }[];
        if (choices.length > 25) problems.push(`${at}: more than 25 choices`);
        if (o.autocomplete) problems.push(`${at}: choices and autocomplete together`);
        for (const c of choices) if (!c.name || c.name.length > 100) problems.push(`${at}: choice name must be 1-100 characters`);
      }
      if (typeof o.max_length === 'number' && (o.max_length < 1 || o.max_length > 6000)) problems.push(`${at}: max_length out of range`);
      if (typeof o.min_length === 'number' && (o.min_length < 0 || o.min_length > 6000)) problems.push(`${at}: min_length out of range`);
    }
  };
  const names = new Set<string>();
  for (const c of body as Record<string, unknown>[]) {
    const name = String(c.name);
    if (names.has(name)) problems.push(`${name}: duplicate`);
    names.add(name);
    if (!NAME.test(name) || name !== name.toLowerCase()) problems.push(`${name}: bad name`);
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 100) problems.push(`${name}: description must be 1-100 characters`);
    checkOptions(name, c.options);
  }
  return problems;
}
