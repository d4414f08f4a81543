// Every setting, read once from the environment and validated; nothing else reads process.env.
import { z } from 'zod';
import { describeZodError } from './core/model.ts';
import { DEFAULT_DATABASE_PATH } from './paths.ts';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const ConfigSchema = z.object({
  DATABASE_PATH: optionalText.transform((v) => v ?? DEFAULT_DATABASE_PATH),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`configuration: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
