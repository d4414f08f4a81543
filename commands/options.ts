// Reads a command's zod options into a plain description that every platform generator uses:
// the same names, types, limits and choices on Discord and Telegram.
import { z } from 'zod';
import type { CommandDefinition } from './types.ts';

export interface OptionSpec {
  name: string;
  description: string;
  /** 'user': a platform user (Discord's user picker; on Telegram an id, or a reply to their message). */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'user';
  required: boolean;
  choices: string[] | null;
  minLength: number | null;
  maxLength: number | null;
  min: number | null;
  max: number | null;
  autocomplete: boolean;
}

export function optionSpecs(command: CommandDefinition): OptionSpec[] {
  return Object.entries(command.options.shape).map(([name, raw]) => {
    let schema = raw as z.ZodType;
    const description = schema.description;
    let required = true;
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
      required = false;
      schema = schema.unwrap() as z.ZodType;
    }
    if (!description) throw new Error(`${command.path.join(' ')}: option ${name} has no description`);
    const base = { name, description, required, choices: null, minLength: null, maxLength: null, min: null, max: null, autocomplete: Boolean(command.autocomplete?.[name]) };
    if (schema instanceof z.ZodString && isUserOption(raw as z.ZodType)) return { ...base, type: 'user' };
    if (schema instanceof z.ZodString) return { ...base, type: 'string', minLength: schema.minLength, maxLength: schema.maxLength };
    if (schema instanceof z.ZodEnum) return { ...base, type: 'string', choices: schema.options.map(String) };
    if (schema instanceof z.ZodNumber) {
      return { ...base, type: schema.isInt ? 'integer' : 'number', min: finite(schema.minValue), max: finite(schema.maxValue) };
    }
    if (schema instanceof z.ZodBoolean) return { ...base, type: 'boolean' };
    throw new Error(`${command.path.join(' ')}: option ${name} has a type no platform can offer`);
  });
}

/** Marks a string option as a platform user, for platforms that offer a user picker. */
export function userOption<T extends z.ZodType>(schema: T): T {
  USER_OPTIONS.add(schema);
  return schema;
}
const USER_OPTIONS = new WeakSet<z.ZodType>();
function isUserOption(schema: z.ZodType): boolean {
  let s: z.ZodType = schema;
  for (;;) {
    if (USER_OPTIONS.has(s)) return true;
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else return false;
  }
}

function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : null;
}

/**
 * Text typed on a platform without typed options (Telegram's key=value) -> the option's type.
 * What cannot be read is passed on as typed, so the zod schema names the problem.
 */
export function coerceOption(spec: OptionSpec, value: string): unknown {
  const t = value.trim();
  if (spec.type === 'boolean') {
    if (/^(?:true|yes|y|1|on)$/i.test(t)) return true;
    if (/^(?:false|no|n|0|off)$/i.test(t)) return false;
    return t;
  }
  if (spec.type === 'integer' || spec.type === 'number') {
    // Plain decimal digits only: Number() would read "0x1" as 1 and "1e3" as 1000, another claim.
    const compact = t.replace(/^#/, '').replace(/[,_\s]/g, '');
    const plain = spec.type === 'integer' ? /^-?[0-9]+$/ : /^-?[0-9]+(?:\.[0-9]+)?$/;
    return plain.test(compact) ? Number(compact) : t;
  }
  return t;
}
