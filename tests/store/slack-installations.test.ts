import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keys } from '../../src/store/keys.js';
import {
  InstallationIdentityError,
  InstallationNotFoundError,
  RedisInstallationStore,
} from '../../src/store/slack-installations.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let store: RedisInstallationStore;

const workspace = (team: string, token: string): Installation<'v2', false> => ({
  team: { id: team, name: `Team ${team}` },
  enterprise: undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: { id: 'B1', userId: 'UB1', token, scopes: ['commands', 'chat:write'] },
  tokenType: 'bot',
  isEnterpriseInstall: false,
  appId: 'A1',
});

beforeAll(async () => {
  t = await testRedis('slack-installations');
  store = new RedisInstallationStore(t.redis, new Keys(t.prefix));
});

afterAll(async () => {
  await t?.cleanup();
});

describe('RedisInstallationStore', () => {
  it('keeps each workspace installation apart and returns it to Bolt', async () => {
    await store.storeInstallation(workspace('T1', 'xoxb-one'));
    await store.storeInstallation(workspace('T2', 'xoxb-two'));
    const query = { teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await store.fetchInstallation(query)).bot?.token).toBe('xoxb-two');
  });

  it('replaces an installation when the app is installed again', async () => {
    await store.storeInstallation(workspace('T1', 'xoxb-new'));
    const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await store.fetchInstallation(query)).bot?.token).toBe('xoxb-new');
  });

  it('keeps org-wide installs under the enterprise', async () => {
    const org: Installation<'v2', true> = {
      team: undefined,
      enterprise: { id: 'E1', name: 'Grid' },
      user: { id: 'U1', token: undefined, scopes: undefined },
      bot: { id: 'B2', userId: 'UB2', token: 'xoxb-org', scopes: ['commands'] },
      tokenType: 'bot',
      isEnterpriseInstall: true,
      appId: 'A1',
    };
    await store.storeInstallation(org);
    const query = { teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: true };
    expect((await store.fetchInstallation(query)).bot?.token).toBe('xoxb-org');
  });

  it('forgets an uninstalled workspace', async () => {
    const query = { teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false };
    await store.deleteInstallation(query);
    await expect(store.fetchInstallation(query)).rejects.toBeInstanceOf(InstallationNotFoundError);
  });

  it('refuses an installation without a team or enterprise', async () => {
    await expect(
      store.fetchInstallation({
        teamId: undefined,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).rejects.toBeInstanceOf(InstallationIdentityError);
  });
});
