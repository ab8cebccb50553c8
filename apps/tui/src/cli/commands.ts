import type { ClaimscopeClient } from '../api/client.js';
import { type EntityItem, type RelationItem, requests, type SearchHit } from '../api/queries.js';
import { fetchAllPages } from '../api/query-cache.js';
import {
  channelLabel,
  claimKindLabel,
  entityKindLabel,
  modalityLabel,
  relationLabel,
} from '../ui/labels.js';
import { cellWidth } from '../ui/text.js';
import type { CliCommand } from './args.js';

/**
 * The subcommands: plain text for people, `--json` for scripts. They print what the API
 * returns, so `--json` output has the shapes of the procedures' outputs.
 */

type Subcommand = Exclude<
  CliCommand,
  { kind: 'help' | 'version' | 'interactive' | 'import' | 'export' | 'extract' }
>;

/** Aligns columns by display width; the last column is never padded or cut. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cellWidth(cell));
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - cellWidth(cell)),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

async function firstArticleId(client: ClaimscopeClient, requested: string | null): Promise<string> {
  if (requested) return requested;
  const page = await client.article.list.query({ limit: 1 });
  const first = page.items[0];
  if (!first) throw new Error('the corpus has no articles');
  return first.id;
}

/** An id given on the command line must name an entity: an unknown one is an error (exit 1). */
async function requireEntities(
  client: ClaimscopeClient,
  ids: Record<string, string | null>,
): Promise<void> {
  for (const [option, id] of Object.entries(ids))
    if (id !== null)
      await client.entity.get.query({ id }).catch((error: unknown) => {
        throw new Error(`${option}: ${error instanceof Error ? error.message : String(error)}`);
      });
}

function entityRows(items: EntityItem[]): string {
  return table([
    ['ID', 'KIND', 'MENTIONS', 'CLAIMS', 'NAME'],
    ...items.map((e) => [
      e.id,
      entityKindLabel(e.kind),
      String(e.mentionCount),
      String(e.claimCount),
      e.name,
    ]),
  ]);
}

function relationRows(items: RelationItem[]): string {
  return table([
    ['ID', 'CERTAINTY', 'RELATION'],
    ...items.map((r) => [r.id, r.certainty + (r.past ? ', past' : ''), relationLabel(r)]),
  ]);
}

function hitRows(hits: SearchHit[]): string {
  return table([
    ['TYPE', 'ID', 'MATCH'],
    ...hits.map((h) => {
      const title =
        h.type === 'entity' ? h.name : h.type === 'claim' ? `${h.speaker.name}:` : `¶${h.index}:`;
      return [h.type, h.id, h.type === 'entity' ? title : `${title} ${oneLine(h.snippet.text)}`];
    }),
  ]);
}

/** Runs one subcommand and returns what to print on stdout. */
export async function runSubcommand(
  command: Subcommand,
  client: ClaimscopeClient,
): Promise<string> {
  const { options } = command;
  const articleId = options.articleId ?? undefined;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  if (command.kind !== 'article' && options.articleId !== null)
    await client.article.get.query({ id: options.articleId }).catch((error: unknown) => {
      throw new Error(`--article: ${error instanceof Error ? error.message : String(error)}`);
    });
  switch (command.kind) {
    case 'article': {
      const id = await firstArticleId(client, options.articleId);
      const article = await client.article.get.query({ id });
      if (options.json) return json(article);
      const date =
        article.published.status === 'known'
          ? article.published.date
          : `date unknown (${article.published.note})`;
      const c = article.counts;
      return [
        article.headline,
        ...(article.dek ? [article.dek] : []),
        '',
        `By ${article.authors.map((a) => a.name).join(', ') || 'unknown'}${article.publisher ? ` · ${article.publisher.name}` : ''} · ${date}`,
        `Source: ${article.source.url ?? article.source.origin}`,
        `${c.entities} entities, ${c.mentions} mentions, ${c.claims} claims, ${c.relations} relations`,
        '',
        article.blocks.map((b) => b.text).join('\n\n'),
      ].join('\n');
    }
    case 'entities': {
      const kind = command.entityKind ?? undefined;
      const items = await fetchAllPages((cursor) =>
        client.entity.list.query({
          articleId,
          kind: kind as EntityItem['kind'] | undefined,
          cursor,
          limit: 100,
        }),
      );
      if (options.json) return json(items);
      return items.length === 0 ? 'No entities match.' : entityRows(items);
    }
    case 'claims': {
      await requireEntities(client, { '--speaker': command.speakerId, '--about': command.aboutId });
      const items = await fetchAllPages((cursor) =>
        client.claim.list.query({
          articleId,
          speakerId: command.speakerId ?? undefined,
          aboutId: command.aboutId ?? undefined,
          cursor,
          limit: 100,
        }),
      );
      if (options.json) return json(items);
      if (items.length === 0) return 'No claims match.';
      return items
        .map((c) =>
          [
            `${c.id}  ${c.speaker.name} · ${claimKindLabel(c.kind)} · ${modalityLabel(c.modality)} · ${channelLabel(c)}`,
            `  “${oneLine(c.text)}”`,
            `  = ${c.statement}`,
          ].join('\n'),
        )
        .join('\n\n');
    }
    case 'relations': {
      await requireEntities(client, { '--entity': command.entityId });
      const items = await fetchAllPages((cursor) =>
        client.relation.list.query({
          articleId,
          entityId: command.entityId ?? undefined,
          cursor,
          limit: 100,
        }),
      );
      if (options.json) return json(items);
      return items.length === 0 ? 'No relations match.' : relationRows(items);
    }
    case 'search': {
      const result = await requests.search(command.query).run(client);
      if (options.json) return json(result);
      return result.hits.length === 0
        ? `Nothing matches “${command.query}”.`
        : hitRows(result.hits);
    }
  }
}
