/**
 * Bolt's installation store for the Slack OAuth install flow (many workspaces), kept in Redis so
 * every replica sees every installation. One key per installation, holding its JSON:
 * `P:slack-install:t:<team id>` for a workspace, `P:slack-install:e:<enterprise id>` for an
 * org-wide (Enterprise Grid) install. Single-key commands only (Redis Cluster safe).
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Keys } from './keys.js';
import { guarded, type RedisClient } from './redis.js';

/** Bolt answers "this workspace has not installed the app" when fetching throws. */
export class InstallationNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No Slack installation for ${key}`);
    this.name = 'InstallationNotFoundError';
  }
}

export class InstallationIdentityError extends Error {
  constructor() {
    super('A Slack installation needs a team id, or an enterprise id for an org-wide install');
    this.name = 'InstallationIdentityError';
  }
}

type Identity = { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string };

export class RedisInstallationStore implements InstallationStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  private key({ isEnterpriseInstall, enterpriseId, teamId }: Identity): string {
    if (isEnterpriseInstall && enterpriseId)
      return this.keys.global('slack-install', 'e', enterpriseId);
    if (teamId) return this.keys.global('slack-install', 't', teamId);
    throw new InstallationIdentityError();
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const key = this.key({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await guarded(() => this.redis.set(key, JSON.stringify(installation)));
  }

  async fetchInstallation(
    query: InstallationQuery<boolean>,
  ): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = this.key(query);
    const raw = await guarded(() => this.redis.get(key));
    if (raw === null) throw new InstallationNotFoundError(key);
    return JSON.parse(raw) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = this.key(query);
    await guarded(() => this.redis.del(key));
  }
}
