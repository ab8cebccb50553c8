// `pnpm --filter @claimscope/extract eval [--split dev|train|both] [--no-seed]`: scores the
// extractor on PolNeAR (beside the baseline, computed in the same run) and on the seed article's
// hand annotation. PolNeAR is read from ../shared/polnear and never copied into the repository.
import { evaluateSplit, formatSplit, loadSplit, timeLongTexts } from './eval-polnear.js';
import { formatSeed, scoreSeed } from './eval-seed.js';
import { POLNEAR_DIR, polnearAvailable } from './polnear.js';

const args = process.argv.slice(2);
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'both';
const splits =
  splitArg === 'both' ? (['dev', 'train'] as const) : ([splitArg] as ('dev' | 'train')[]);

if (!args.includes('--no-seed')) {
  console.log(formatSeed(await scoreSeed()));
  console.log('');
}
if (!polnearAvailable()) {
  console.error(
    `\n*** SKIPPED: PolNeAR not found at ${POLNEAR_DIR} (expected ../shared/polnear/{train,dev}); no PolNeAR scores printed. ***\n`,
  );
} else {
  for (const split of splits) {
    if (split !== 'dev' && split !== 'train')
      throw new Error(`--split: expected dev, train or both, got ${split}`);
    const articles = loadSplit(split);
    console.log(formatSplit(split, await evaluateSplit(articles)));
    if (split === 'dev') console.log(await timeLongTexts(articles));
    console.log('');
  }
}
