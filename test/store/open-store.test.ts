import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { DATABASES, dropSchema, PG_URL, SKIP_PG, uniqueSchemaName, useStore } from './databases.ts';

describe.each(DATABASES)('opening the store on $name', (database) => {
  const t = useStore(database);

  it('opens again on the same database without re-running migrations', async () => {
    const again = await t.location.open(t.clock.now);
    expect(await again.getGuildSettings('100')).toMatchObject({ length: 'medium' });
  });

  it('keeps settings across a restart', async () => {
    await t.store.updateGuildSettings('100', { length: 'long', domainDeny: ['spam.example'] });
    await t.store.close();
    const restarted = await t.location.open(t.clock.now);
    expect(await restarted.getGuildSettings('100')).toMatchObject({
      length: 'long',
      domainDeny: ['spam.example'],
    });
  });

  it('keeps channel rules and progress across a restart', async () => {
    await t.store.setChannelRule({ guildId: '100', channelId: '500', trigger: 'links' });
    await t.store.markChannelProgress('500', '1000');
    await t.store.close();
    const restarted = await t.location.open(t.clock.now);
    expect([
      (await restarted.getChannelRule('500'))?.trigger,
      await restarted.getChannelProgress('500'),
    ]).toEqual(['links', '1000']);
  });
});

describe('opening the store on SQLite', () => {
  const stores: Store[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('creates the directory of the database file on first run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'precis-open-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'data', 'precis.sqlite');
    stores.push(await openStore({ sqlitePath: path }));
    await expect(access(path)).resolves.toBeUndefined();
  });

  it('works in memory', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    stores.push(store);
    await store.updateGuildSettings('100', { style: 'prose' });
    expect((await store.getGuildSettings('100')).style).toBe('prose');
  });

  it('uses SQLite when the database URL is empty', async () => {
    const store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
    stores.push(store);
    expect(store.dialect).toBe('sqlite');
  });

  it('refuses a database URL that is not PostgreSQL', async () => {
    await expect(openStore({ databaseUrl: 'mysql://localhost/precis' })).rejects.toThrow(
      /postgres:\/\//,
    );
  });
});

describe.skipIf(SKIP_PG)('opening the store on PostgreSQL', () => {
  const schemas: string[] = [];
  afterEach(async () => {
    await Promise.all(schemas.splice(0).map(dropSchema));
  });

  it('reads the schema from the ?schema= parameter of the URL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    const store = await openStore({ databaseUrl: url.toString() });
    await store.updateGuildSettings('100', { style: 'prose' });
    await store.close();
    const isolated = await openStore({ databaseUrl: PG_URL, schema });
    expect((await isolated.getGuildSettings('100')).style).toBe('prose');
    await isolated.close();
  });

  it('creates and uses the schema named by options=-c search_path= in the URL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openStore({ databaseUrl: url.toString() });
    await store.updateGuildSettings('100', { style: 'prose' });
    await store.close();
    const isolated = await openStore({ databaseUrl: PG_URL, schema });
    expect((await isolated.getGuildSettings('100')).style).toBe('prose');
    await isolated.close();
  });

  it('accepts a postgresql:// URL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    const store = await openStore({
      databaseUrl: PG_URL.replace(/^postgres:/, 'postgresql:'),
      schema,
    });
    expect(store.dialect).toBe('postgres');
    await store.close();
  });

  it('refuses a schema name that could smuggle SQL', async () => {
    await expect(
      openStore({ databaseUrl: PG_URL, schema: 'x"; drop table y; --' }),
    ).rejects.toThrow(/schema name/);
  });

  it('fails with the host in the message when the server is unreachable', async () => {
    await expect(
      openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test' }),
    ).rejects.toThrow(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
  });
});
