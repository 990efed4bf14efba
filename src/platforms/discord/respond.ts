/**
 * Answers one interaction over Discord's REST API (interaction callback, edits of the original
 * response, follow-ups). Interaction endpoints authenticate by token in the path, so no
 * Authorization header is sent.
 */
import { InteractionResponseType, Routes, type REST } from 'discord.js';
import type { AutocompleteChoice } from '../../command.js';
import type { DiscordMessage } from './render.js';

export class InteractionResponder {
  /** Whether Discord has accepted a callback (reply, update, defer) for this interaction. */
  acknowledged = false;

  constructor(
    private readonly rest: REST,
    private readonly interaction: { id: string; token: string; applicationId: string },
  ) {}

  private async callback(body: unknown): Promise<void> {
    const { id, token } = this.interaction;
    await this.rest.post(Routes.interactionCallback(id, token), { body, auth: false });
    this.acknowledged = true;
  }

  private get original(): `/${string}` {
    const { applicationId, token } = this.interaction;
    return Routes.webhookMessage(applicationId, token, '@original');
  }

  /** A new message answering the interaction. */
  reply(message: DiscordMessage): Promise<unknown> {
    return this.callback({ type: InteractionResponseType.ChannelMessageWithSource, data: message });
  }

  /** Replaces the message the pressed button is on. */
  update(message: DiscordMessage): Promise<unknown> {
    const { flags: _flags, ...data } = message;
    return this.callback({ type: InteractionResponseType.UpdateMessage, data });
  }

  /** "Thinking…" for a command; the answer follows through {@link editOriginal}. */
  deferReply(): Promise<unknown> {
    return this.callback({ type: InteractionResponseType.DeferredChannelMessageWithSource });
  }

  /** Acknowledges a button press; the message is changed later through {@link editOriginal}. */
  deferUpdate(): Promise<unknown> {
    return this.callback({ type: InteractionResponseType.DeferredMessageUpdate });
  }

  editOriginal(message: DiscordMessage): Promise<unknown> {
    const { flags: _flags, ...body } = message;
    return this.rest.patch(this.original, { body, auth: false });
  }

  deleteOriginal(): Promise<unknown> {
    return this.rest.delete(this.original, { auth: false });
  }

  followUp(message: DiscordMessage): Promise<unknown> {
    const { applicationId, token } = this.interaction;
    return this.rest.post(Routes.webhook(applicationId, token), { body: message, auth: false });
  }

  autocomplete(choices: AutocompleteChoice[]): Promise<unknown> {
    return this.callback({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    });
  }
}
