/**
 * Slash-command registration built from commands/: "digest post" style names become
 * subcommands of one top-level command, moderator-only groups default to Manage Messages.
 * {@link syncCommands} compares with what Discord has registered and only writes the changes.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { isRequired, type CommandDef } from '../../command.js';

export type CommandPayload = RESTPostAPIChatInputApplicationCommandsJSONBody;

const DESCRIPTION_MAX = 100;

/** Two definitions would give Discord the same command name (e.g. "digest" and "digest post"). */
export class RegistrationConflictError extends Error {
  constructor(name: string) {
    super(`Command "${name}" is both a command and a group of subcommands`);
    this.name = 'RegistrationConflictError';
  }
}

const description = (text: string) =>
  text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;

function options(def: CommandDef): APIApplicationCommandBasicOption[] {
  const built = Object.entries(def.options).map(
    ([name, spec]): APIApplicationCommandBasicOption => {
      const base = { name, description: description(spec.description), required: isRequired(spec) };
      if (spec.type === 'integer') return { ...base, type: ApplicationCommandOptionType.Integer };
      if (spec.choices?.length) {
        return {
          ...base,
          type: ApplicationCommandOptionType.String,
          choices: spec.choices.map((c) => ({ name: c, value: c })),
        };
      }
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(spec.autocomplete ? { autocomplete: true } : {}),
      };
    },
  );
  // Discord requires required options before optional ones.
  return [...built.filter((o) => o.required), ...built.filter((o) => !o.required)];
}

/** The registration payload for these commands (one entry per top-level command). */
export function registrationPayload(defs: readonly CommandDef[]): CommandPayload[] {
  const groups = new Map<string, CommandDef[]>();
  for (const def of defs) {
    const top = def.name.split(' ')[0]!;
    groups.set(top, [...(groups.get(top) ?? []), def]);
  }
  return [...groups].map(([name, members]): CommandPayload => {
    const moderated = members.some((d) => d.moderatorOnly);
    const common = {
      name,
      type: ApplicationCommandType.ChatInput as const,
      contexts: [InteractionContextType.Guild],
      default_member_permissions: moderated ? String(PermissionFlagsBits.ManageMessages) : null,
    };
    const single = members.length === 1 && !members[0]!.name.includes(' ') ? members[0] : undefined;
    if (single)
      return { ...common, description: description(single.description), options: options(single) };
    const subs = members.map((d) => {
      const sub = d.name.split(' ').slice(1).join('-');
      if (!sub) throw new RegistrationConflictError(name);
      return {
        type: ApplicationCommandOptionType.Subcommand as const,
        name: sub,
        description: description(d.description),
        options: options(d),
      };
    });
    const label = name.charAt(0).toUpperCase() + name.slice(1);
    return {
      ...common,
      description: description(`${label}: ${subs.map((s) => s.name).join(', ')}`),
      options: subs,
    };
  });
}

// ------------------------------------------------------------------------ comparison

type Comparable = Record<string, unknown>;

function normaliseOption(o: APIApplicationCommandOption | Comparable): Comparable {
  const x = o as Comparable;
  const choices = (x.choices as Array<{ name: string; value: unknown }> | undefined) ?? [];
  const subs = (x.options as Comparable[] | undefined) ?? [];
  return {
    type: x.type,
    name: x.name,
    description: x.description,
    required: Boolean(x.required),
    autocomplete: Boolean(x.autocomplete),
    choices: choices.map((c) => ({ name: c.name, value: c.value })),
    options: subs.map(normaliseOption),
  };
}

/** The fields this bot controls, in a canonical form (Discord adds ids, versions, defaults). */
export function normaliseCommand(c: CommandPayload | Comparable): string {
  const x = c as Comparable;
  return JSON.stringify({
    name: x.name,
    type: x.type ?? ApplicationCommandType.ChatInput,
    description: x.description,
    default_member_permissions: x.default_member_permissions ?? null,
    contexts: ((x.contexts as number[] | null | undefined) ?? []).slice().sort(),
    options: ((x.options as Comparable[] | undefined) ?? []).map(normaliseOption),
  });
}

export interface RegisteredCommand {
  id: string;
  name: string;
}

export interface SyncPlan {
  create: CommandPayload[];
  update: Array<{ id: string; payload: CommandPayload }>;
  remove: RegisteredCommand[];
  unchanged: string[];
}

export function planSync(
  registered: Array<RegisteredCommand & Comparable>,
  desired: CommandPayload[],
): SyncPlan {
  const plan: SyncPlan = { create: [], update: [], remove: [], unchanged: [] };
  for (const payload of desired) {
    const existing = registered.find((r) => r.name === payload.name);
    if (!existing) plan.create.push(payload);
    else if (normaliseCommand(existing) !== normaliseCommand(payload))
      plan.update.push({ id: existing.id, payload });
    else plan.unchanged.push(payload.name);
  }
  plan.remove = registered.filter((r) => !desired.some((d) => d.name === r.name));
  return plan;
}

/** Applies the difference between what is registered and `desired` (guild or global scope). */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  desired: CommandPayload[],
  guildId?: string,
): Promise<SyncPlan> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const one = (id: string) =>
    guildId
      ? Routes.applicationGuildCommand(applicationId, guildId, id)
      : Routes.applicationCommand(applicationId, id);
  const registered = (await rest.get(route)) as Array<RegisteredCommand & Comparable>;
  const plan = planSync(registered, desired);
  for (const payload of plan.create) await rest.post(route, { body: payload });
  for (const { id, payload } of plan.update) await rest.patch(one(id), { body: payload });
  for (const { id } of plan.remove) await rest.delete(one(id));
  return plan;
}
