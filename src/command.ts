/**
 * How a slash command is written once for every platform: options validated by zod, a handler
 * returning a neutral {@link Reply}. Platform adapters register, parse and render from this.
 */
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Reply } from './reply.js';
import type { Services } from './services.js';

export interface OptionSpec<S extends z.ZodType = z.ZodType> {
  description: string;
  /** Platform type used for registration (Discord option type, Slack usage text). */
  type: 'string' | 'integer';
  /** Validates and normalises the raw value; `.optional()`/`.default()` make it optional. */
  schema: S;
  /** Fixed choices (Discord choices, Slack keywords). */
  choices?: readonly string[];
  /** Offer autocomplete while typing (Discord). */
  autocomplete?: boolean;
  /** Slack free-text parsing: this option takes the words no other option claimed. */
  rest?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: z.output<O[K]['schema']> };

export interface CommandUser {
  id: string;
  name?: string;
  /** Whether the platform says this user may moderate (Manage Messages; Slack admin/listed). */
  isModerator: boolean;
}

export interface CommandContext {
  services: Services;
  platform: 'discord' | 'slack';
  user: CommandUser;
  channelId: string;
  /** Discord guild id or Slack team id. */
  workspaceId?: string;
  requestId: string;
  now: Date;
  log: Logger;
}

export interface AutocompleteChoice {
  /** Shown to the user (at most 100 characters). */
  name: string;
  value: string;
}

export interface CommandDef<O extends OptionSpecs = OptionSpecs> {
  /** Command path: "summary", or "digest post" for a subcommand of /digest. */
  name: string;
  description: string;
  /** Slack usage hint, e.g. "<article id, URL or words> [short|standard|long]". */
  usage: string;
  options: O;
  moderatorOnly?: boolean;
  handle(input: OptionValues<O>, ctx: CommandContext): Promise<Reply>;
  autocomplete?(option: string, value: string, ctx: CommandContext): Promise<AutocompleteChoice[]>;
}

export function defineCommand<O extends OptionSpecs>(def: CommandDef<O>): CommandDef<O> {
  return def;
}

const schemas = new WeakMap<CommandDef, z.ZodObject>();

/** The zod object schema for a command's options (built once per command). */
export function optionsSchema(def: CommandDef): z.ZodObject {
  let schema = schemas.get(def);
  if (!schema) {
    schema = z.object(
      Object.fromEntries(Object.entries(def.options).map(([k, o]) => [k, o.schema])),
    );
    schemas.set(def, schema);
  }
  return schema;
}

export function isRequired(option: OptionSpec): boolean {
  return !option.schema.safeParse(undefined).success;
}

export class OptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'OptionError';
  }
}

/** Validates raw option values; throws {@link OptionError} naming the first bad option. */
export function parseOptions<O extends OptionSpecs>(
  def: CommandDef<O>,
  raw: Record<string, unknown>,
): OptionValues<O> {
  const result = optionsSchema(def as unknown as CommandDef).safeParse(raw);
  if (result.success) return result.data as OptionValues<O>;
  const issue = result.error.issues[0]!;
  const option = String(issue.path[0] ?? '');
  throw new OptionError(option, `${option ? `\`${option}\`: ` : ''}${issue.message}`);
}
