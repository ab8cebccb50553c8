import { createMemoryStore } from '@claimscope/api';
import { makeMachineDraftDocument } from '@claimscope/api/testing/machine-draft';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../src/api/client.js';
import { createLocalClient } from '../src/api/local.js';
import { parseCommandLine, UsageError } from '../src/cli/args.js';
import { runSubcommand } from '../src/cli/commands.js';
import type { TabId } from '../src/state/navigation.js';
import { renderApp } from './render-app.js';

/*
 * An article as an extractor leaves it, half reviewed: lists mark what no person has checked
 * ("?" unreviewed, "!" disputed), the legend and the help say what the marks mean, detail panes
 * say who made it, and both the list filter and the subcommands can keep only the drafts.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function draftClient() {
  const store = await createMemoryStore([makeMachineDraftDocument('draft')]);
  cleanups.push(() => store.close());
  return createLocalClient(store);
}

async function start(tab: TabId) {
  const connection: Connection = { client: await draftClient(), source: { kind: 'local' } };
  return renderApp(connection, cleanups, { columns: 120, tab });
}

const rows = (frame: string) => frame.split('\n').filter((l) => /^(▶| ) /.test(l));

describe('unreviewed annotations in the terminal', () => {
  it('marks unreviewed and disputed claims in the list, with the legend', async () => {
    const ui = await start('claims');
    await ui.see('7 claims');
    expect(ui.frame()).toContain('? unreviewed  ! disputed   “ direct quote');
    const claimRows = rows(ui.frame());
    const row = (speaker: string) => claimRows.filter((r) => r.includes(speaker));
    expect(row('Tom Joscelyn')[0]).toMatch(/“ \? Tom Joscelyn/);
    expect(row('Jane Doe')[0]).toMatch(/· {3}Jane Doe/);
    expect(row('Thomas Sanderson').some((r) => /~ ! Thomas Sanderson/.test(r))).toBe(true);
  });

  it('says in the detail pane who made a draft and that nobody checked it', async () => {
    const ui = await start('claims');
    await ui.see('7 claims');
    await ui.press('j', /▶.*analysts/);
    await ui.see('Review: unreviewed: no person has checked');
    expect(ui.frame()).toContain('claimscope-extract');
  });

  it('keeps only the drafts when the filter says “unreviewed”', async () => {
    const ui = await start('claims');
    await ui.see('7 claims');
    await ui.press('/unreviewed', '3 of 7 match');
    expect(rows(ui.frame()).filter((r) => r.includes('?'))).toHaveLength(3);
  });

  it('marks machine-made entities and relations too', async () => {
    const entities = await start('entities');
    await entities.see(/\d+ entities/);
    expect(entities.frame()).toContain('? unreviewed');
    expect(entities.frame()).not.toContain('! disputed');
    expect(rows(entities.frame()).find((r) => r.includes('Tom Joscelyn'))).toMatch(
      /\? Tom Joscelyn/,
    );
    const relations = await start('relations');
    await relations.see('2 relations');
    expect(rows(relations.frame()).find((r) => r.includes('al Qaeda'))).toMatch(/^. \? al Qaeda/);
  });

  it('explains the marks in the help', async () => {
    const ui = await start('claims');
    await ui.see('7 claims');
    await ui.press('?', 'Keys');
    // The marks come last: scroll to them.
    await ui.press('j'.repeat(40), 'Marks in lists');
    await ui.see('unreviewed: made by a rule or a model');
  });
});

describe('claimscope claims|entities|relations --review', () => {
  it('lists only what has the review status asked for, and says who made a draft', async () => {
    const client = await draftClient();
    const command = parseCommandLine(['claims', '--review', 'unreviewed'], {});
    const out = await runSubcommand(command as never, client);
    expect(out.match(/^draft\./gm)).toHaveLength(3);
    expect(out).toContain(
      'unreviewed: no person has checked it · made by the model attribution-tagger 2',
    );
    const both = await runSubcommand(
      parseCommandLine(['claims', '--review', 'disputed,reviewed', '--json'], {}) as never,
      client,
    );
    expect((JSON.parse(both) as unknown[]).length).toBe(4);
    const entities = await runSubcommand(
      parseCommandLine(['entities', '--review', 'unreviewed', '--json'], {}) as never,
      client,
    );
    expect((JSON.parse(entities) as { id: string }[]).map((e) => e.id).sort()).toEqual([
      'analysts',
      'joscelyn',
    ]);
    const relations = await runSubcommand(
      parseCommandLine(['relations', '--review', 'unreviewed', '--json'], {}) as never,
      client,
    );
    expect((JSON.parse(relations) as { id: string }[]).map((r) => r.id)).toEqual(['draft.r-aq-is']);
  });

  it('refuses a status that does not exist, naming the ones that do', () => {
    expect(() => parseCommandLine(['claims', '--review', 'maybe'], {})).toThrow(UsageError);
    expect(() => parseCommandLine(['claims', '--review', 'maybe'], {})).toThrow(
      /expected one of: unreviewed, reviewed, disputed, rejected/,
    );
    expect(() => parseCommandLine(['search', 'x', '--review', 'reviewed'], {})).toThrow(
      /does not apply/,
    );
  });
});
