import type { RouterOutputs } from '@claimscope/client';
import type { ArticleDocument } from '@claimscope/schema';
import { type DiffCollection, diffDocuments } from '@claimscope/schema/display';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getQueryClient, orNotFound, trpc } from '~/trpc/server';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `History of ${id}` };
}

const COLLECTION_NAMES: Record<DiffCollection, string> = {
  claims: 'Claims',
  mentions: 'Mentions',
  entities: 'Entities',
  relations: 'Relations',
  claimLinks: 'Claim links',
};

/** A record as a reader names it: a claim by its statement, a mention by its words. */
function describe(document: ArticleDocument, collection: DiffCollection, id: string): string {
  const record = ((document[collection] as { id: string }[]).find((r) => r.id === id) ??
    document.publication?.rejected.find((r) => r.collection === collection && r.record.id === id)
      ?.record) as Record<string, unknown> | undefined;
  if (!record) return id;
  if (collection === 'claims') return String(record.statement);
  if (collection === 'mentions')
    return `“${(record.anchor as { quote: { exact: string } }).quote.exact}”`;
  if (collection === 'entities') return String(record.name);
  if (collection === 'relations')
    return `${record.subjectId} ${record.predicate} ${record.objectId}`;
  return String(record.note ?? id);
}

const minute = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

/** Who reviewed a version's annotations: the editors its provenance names. */
function reviewersOf(document: ArticleDocument): string[] {
  const names = new Set<string>();
  for (const collection of ['claims', 'mentions', 'entities', 'relations', 'claimLinks'] as const)
    for (const record of document[collection] as { provenance: { review: { by?: string } } }[])
      if (record.provenance.review.by) names.add(record.provenance.review.by);
  return [...names].sort();
}

type ArticleVersion = RouterOutputs['article']['versions'][number];

/** Who published a version and when ("by ada", "2026-11-30 18:04"), or how it came in. */
function PublishedCell({ version }: { version: ArticleVersion }) {
  const at = version.published?.at ?? version.importedAt;
  return (
    <>
      {version.published ? `by ${version.published.by}` : at ? 'imported' : 'built in'}
      {at && (
        <>
          <br />
          {minute(at)}
        </>
      )}
    </>
  );
}

/** " (by ada)": who rejected a machine annotation in the review of `document`. */
function rejectedBy(document: ArticleDocument, collection: DiffCollection, id: string): string {
  const entry = document.publication?.rejected.find(
    (r) => r.collection === collection && r.record.id === id,
  );
  return entry ? ` (by ${entry.by})` : '';
}

const versionParam = (value: string | string[] | undefined) => {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

export default async function ArticleHistory({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const queryClient = getQueryClient();
  const versions = await orNotFound(
    queryClient.fetchQuery(trpc.article.versions.queryOptions({ id })),
  );
  const documents = new Map<number, ArticleDocument>();
  for (const v of versions)
    documents.set(
      v.version,
      await queryClient.fetchQuery(trpc.article.export.queryOptions({ id, version: v.version })),
    );
  const last = versions.at(-1)?.version ?? 1;
  const to = versionParam(query.to) ?? last;
  const from = versionParam(query.from) ?? Math.max(1, to - 1);
  const before = documents.get(from);
  const after = documents.get(to);
  const diff = before && after && from !== to ? diffDocuments(before, after) : null;
  return (
    <div className="page page--narrow">
      <p className="eyebrow">
        <Link href={`/articles/${id}`}>{documents.get(last)?.article.headline ?? id}</Link>
      </p>
      <h1>History</h1>
      <table className="history-versions">
        <caption className="visually-hidden">Versions of this article</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">Reviewed by</th>
            <th scope="col">Rejected</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                {v.version}
                {v.current ? ' (current)' : ''}
              </td>
              <td>
                <PublishedCell version={v} />
              </td>
              <td>{reviewersOf(documents.get(v.version) as ArticleDocument).join(', ') || '—'}</td>
              <td>{documents.get(v.version)?.publication?.rejected.length ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="history-compare" method="get">
        <label>
          From version{' '}
          <select name="from" defaultValue={from}>
            {versions.map((v) => (
              <option key={v.version}>{v.version}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          to version{' '}
          <select name="to" defaultValue={to}>
            {versions.map((v) => (
              <option key={v.version}>{v.version}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Compare</button>
      </form>
      <h2>
        Changes from version {from} to {to}
      </h2>
      {!diff || !before || !after ? (
        <>
          <p className="muted">Pick two different versions to compare.</p>
          {after?.publication && after.publication.rejected.length > 0 && (
            <section>
              <h3>Rejected in the review of version {to}</h3>
              <ul>
                {after.publication.rejected.map((entry) => (
                  <li key={`${entry.collection}/${entry.record.id}`}>
                    {COLLECTION_NAMES[entry.collection]}:{' '}
                    {describe(after, entry.collection, entry.record.id)} (by {entry.by})
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      ) : (
        <>
          {diff.textChanged && <p>The article text changed.</p>}
          {diff.metadataChanged.length > 0 && <p>Changed: {diff.metadataChanged.join(', ')}.</p>}
          {diff.collections.length === 0 &&
            !diff.textChanged &&
            diff.metadataChanged.length === 0 && <p>No differences.</p>}
          {diff.collections.map((change) => (
            <section key={change.collection}>
              <h3>{COLLECTION_NAMES[change.collection]}</h3>
              <ul>
                {change.added.map((rid) => (
                  <li key={`a-${rid}`}>Added: {describe(after, change.collection, rid)}</li>
                ))}
                {change.removed.map((rid) => (
                  <li key={`r-${rid}`}>Removed: {describe(before, change.collection, rid)}</li>
                ))}
                {change.rejected.map((rid) => (
                  <li key={`x-${rid}`}>
                    Rejected in review: {describe(after, change.collection, rid)}
                    {rejectedBy(after, change.collection, rid)}
                  </li>
                ))}
                {change.changed.map((rid) => (
                  <li key={`c-${rid}`}>
                    Changed: {describe(before, change.collection, rid)}
                    {describe(before, change.collection, rid) !==
                    describe(after, change.collection, rid)
                      ? ` → ${describe(after, change.collection, rid)}`
                      : ''}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
