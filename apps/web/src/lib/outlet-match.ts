import { foldText } from '@claimscope/schema/display';

export interface OutletName {
  id: string;
  name: string;
  aliases: string[];
}

/**
 * The outlets a query names by name or alias, as whole words ("told the AP" names the
 * Associated Press): the search page offers the claims made to or through them, which a text
 * search of the claims' words cannot find.
 */
export function outletsNamedIn(query: string, outlets: readonly OutletName[]): OutletName[] {
  const words = ` ${foldText(query)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  return outlets.filter((outlet) =>
    [outlet.name, ...outlet.aliases].some((name) => {
      const folded = foldText(name)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      return folded.length >= 2 && words.includes(` ${folded} `);
    }),
  );
}
