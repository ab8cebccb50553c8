import type { Metadata } from 'next';
import { ClaimPair } from '~/components/claim-pair';
import { getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Disagreements' };

export default async function Disagreements() {
  const links = await getQueryClient().fetchQuery(trpc.claim.disagreements.queryOptions({}));
  return (
    <div className="page">
      <h1>Disagreements</h1>
      <p className="lede">Where one source contradicts or qualifies another, side by side.</p>
      {links.length === 0 ? (
        <p className="status">No contradicting or qualifying claims are recorded.</p>
      ) : (
        <div className="card-list">
          {links.map((link) => (
            <ClaimPair
              key={link.id}
              from={link.from}
              to={link.to}
              kind={link.kind}
              note={link.note}
              headingLevel={2}
            />
          ))}
        </div>
      )}
    </div>
  );
}
