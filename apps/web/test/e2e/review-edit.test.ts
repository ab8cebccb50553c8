import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, seriousA11yViolations } from './browser';
import { POLL, REPO_DIR } from './harness';
import {
  openDraftOf,
  type ReviewStack,
  selectWords,
  signIn,
  startReviewStack,
} from './review-helpers';

/*
 * The review screen's editing operations in Chromium: an entity created from the speaker
 * picker, a missed relation added by selecting its evidence, two entities merged, and undo step
 * by step across reloads; then how long reviewing the seed article's draft takes by keyboard.
 */

const env = inject('e2e');
/** How long a change may take to show on a busy machine: a bound on hangs, not a speed test. */

const ARTICLE = `Harbour council delays ferry vote

The Millbrook harbour council postponed its vote on the new ferry route on Tuesday.

"We need another month to read the safety report," said Dana Whitlock, the council's chair.

The council's engineer, Priya Nair, told reporters that the report was "clear and complete".
`;
const SEED_ARTICLE = join(
  REPO_DIR,
  'packages/corpus/articles/vice-al-qaeda-islamic-state-reconciliation/article.txt',
);
const PASSWORD = randomBytes(12).toString('base64url');

describe.skipIf(!env.chromium)('editing annotations in the review screen', () => {
  let stack: ReviewStack;
  beforeAll(async () => {
    stack = await startReviewStack({ cy: PASSWORD });
  });
  afterAll(() => stack?.close());
  const site = () => stack.web.url;
  const newPage = (options?: { colorScheme: 'dark' }) => stack.browser.newPage(options);

  it('creates a speaker from the picker, adds a relation, merges entities, and undoes step by step across reloads', async () => {
    const { page, errors } = await newPage();
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), ARTICLE);
    const progress = page.locator('.review__progress span');
    const current = page.locator('.review-item[aria-current="true"]');
    const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    const undoSteps = page.locator('.review__undo-steps');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^0 of \d+ reviewed$/);
    const total = Number((await progress.textContent())?.split(' ')[2]);
    await expect(current.textContent()).resolves.toMatch(/^Dana Whitlock:/);

    // The quote's speaker becomes a new entity, created in the picker; a blank name is refused
    // beside the field.
    await page.keyboard.press('e');
    await page.locator('#edit-speaker').selectOption({ label: 'New entity…' });
    const newEntity = page.getByRole('group', { name: 'New entity' });
    await newEntity.getByRole('button', { name: 'Create entity' }).click();
    await expect
      .poll(() => newEntity.getByRole('alert').textContent(), POLL)
      .toMatch(/needs a name/);
    await newEntity.getByLabel('Name').fill('Millbrook harbour council');
    await newEntity.getByLabel('Kind').selectOption({ label: 'Organization' });
    await newEntity.getByRole('button', { name: 'Create entity' }).click();
    await expect
      .poll(() => page.locator('#edit-speaker option:checked').textContent(), POLL)
      .toBe('Millbrook harbour council');
    await page.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => progress.textContent(), POLL).toBe(`2 of ${total + 1} reviewed`);
    await expect(current.textContent()).resolves.toMatch(/^Millbrook harbour council:.*edited/);

    // A missed relation, added by selecting its evidence words.
    await selectWords(page, "Dana Whitlock, the council's chair");
    await page.locator('#add-speaker').selectOption({ label: 'Dana Whitlock' });
    await page.getByRole('button', { name: 'Add relation from selection' }).click();
    const relationForm = page.getByRole('form', { name: 'Add relation' });
    await relationForm.getByLabel('Relation').selectOption('leader_of');
    await page.locator('#relation-object').selectOption({ label: 'Millbrook harbour council' });
    await relationForm.getByRole('button', { name: 'Add relation' }).click();
    await page
      .locator('.review-item__select', {
        hasText: 'Dana Whitlock leader of Millbrook harbour council',
      })
      .waitFor();
    await expect.poll(() => progress.textContent(), POLL).toBe(`3 of ${total + 2} reviewed`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Merge Priya Nair into Dana Whitlock (by mouse): her mention now names Dana Whitlock.
    await page.locator('.review-item__select', { hasText: 'Entity Dana Whitlock' }).click();
    await page.getByRole('button', { name: 'Merge or split' }).click();
    await page.locator('#merge-entity').selectOption({ label: 'Priya Nair' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const priyaMention = page.locator('.review-item__select', { hasText: 'Mention “Priya Nair”' });
    await expect.poll(() => priyaMention.textContent(), POLL).toContain('of Dana Whitlock');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expect(undoSteps.textContent()).resolves.toBe('4 steps to undo');

    // Reload: everything kept; u undoes the merge, then the relation.
    await page.reload();
    await expect.poll(() => priyaMention.textContent(), POLL).toContain('of Dana Whitlock');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('u');
    await expect.poll(() => priyaMention.textContent(), POLL).toContain('of Priya Nair');
    await page.keyboard.press('u');
    await expect
      .poll(() => page.locator('.review-item', { hasText: 'leader of' }).count(), POLL)
      .toBe(0);
    // Reload again: the undos are kept, and two more go back to the draft as extracted.
    await page.reload();
    await expect.poll(() => undoSteps.textContent(), POLL).toBe('2 steps to undo');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('u');
    await expect.poll(() => undoSteps.textContent(), POLL).toBe('1 step to undo');
    await page.keyboard.press('u');
    await expect.poll(() => progress.textContent(), POLL).toBe(`0 of ${total} reviewed`);
    await expect(undoButton.isDisabled()).resolves.toBe(true);
    await expect
      .poll(() => page.locator('.review-item__select').first().textContent(), POLL)
      .toMatch(/^Dana Whitlock:/);
    // The one failed request is the blank name, refused on purpose.
    expect(errors).toEqual([expect.stringContaining('status of 400 (Bad Request)')]);
    await page.close();
  });

  it('keeps every decision of an editor who presses keys faster than the server answers', async () => {
    const { page, errors } = await newPage();
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), ARTICLE);
    const progress = page.locator('.review__progress span');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^0 of \d+ reviewed$/);
    // Five accepts in a burst (the draft has six annotations), none waiting for an answer.
    for (let i = 0; i < 5; i++) await page.keyboard.press('a');
    await expect.poll(() => progress.textContent(), POLL).toBe('5 of 6 reviewed');
    await expect(page.locator('.review-error').count()).resolves.toBe(0);
    await page.reload();
    await expect.poll(() => progress.textContent(), POLL).toBe('5 of 6 reviewed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits what a claim says, whom it is about, its polarity and its source and cue words, kept across a reload', async () => {
    const { page, errors } = await newPage();
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), ARTICLE);
    const progress = page.locator('.review__progress span');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^0 of \d+ reviewed$/);
    const first = page.locator('.review-item__select').first();
    await expect(first.textContent()).resolves.toMatch(/^Dana Whitlock:/);

    await page.keyboard.press('e');
    const form = page.getByRole('form', { name: 'Edit claim' });
    // A blank statement is refused beside its field.
    await form.getByRole('textbox', { name: 'Statement' }).fill('');
    await form.getByRole('button', { name: 'Save edit' }).click();
    await expect
      .poll(() => form.getByRole('alert').first().textContent(), POLL)
      .toBe('say in a sentence what is claimed');
    await expect(page.locator('.review-error').textContent()).resolves.toContain(
      'Not saved: one field needs a fix',
    );
    await form
      .getByRole('textbox', { name: 'Statement' })
      .fill('The council needs another month to read the report.');
    // Answering the complaint clears it, before any save.
    await expect.poll(() => form.getByRole('alert').count(), POLL).toBe(0);
    await form.getByLabel('Polarity').selectOption({ label: 'Says it is not so' });
    const about = form.getByRole('group', { name: 'About' });
    await about.getByLabel('Entity to add').selectOption({ label: 'Priya Nair' });
    await about.getByRole('button', { name: 'Add to about' }).click();
    await expect
      .poll(() => about.getByRole('listitem').allTextContents(), POLL)
      .toContain('Priya Nair Remove');
    await selectWords(page, 'Dana Whitlock');
    await form.getByRole('button', { name: 'Use selected words as the source' }).click();
    await selectWords(page, 'said');
    await form.getByRole('button', { name: 'Use selected words as the cue' }).click();
    const words = form.getByRole('group', { name: 'Words in the text' });
    await expect.poll(() => words.textContent(), POLL).toContain('Source: “Dana Whitlock”');
    await expect.poll(() => words.textContent(), POLL).toContain('Cue: “said”');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'review-claim-editor');
    await form.getByRole('button', { name: 'Save edit' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => first.textContent(), POLL).toContain('edited');

    // After a reload the claim holds every change.
    await page.reload();
    await first.click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(form.getByRole('textbox', { name: 'Statement' }).inputValue()).resolves.toBe(
      'The council needs another month to read the report.',
    );
    await expect(form.getByLabel('Polarity').inputValue()).resolves.toBe('negative');
    await expect(about.getByRole('listitem').allTextContents()).resolves.toContain(
      'Priya Nair Remove',
    );
    await expect(words.textContent()).resolves.toContain('Source: “Dana Whitlock”');
    await expect(words.textContent()).resolves.toContain('Cue: “said”');
    // Removing an entity and the cue words are edits too.
    await about.getByRole('button', { name: 'Remove Priya Nair' }).click();
    await form.getByRole('button', { name: 'No cue words' }).click();
    await form.getByRole('button', { name: 'Save edit' }).click();
    await form.waitFor({ state: 'detached' });
    await first.click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => words.textContent(), POLL).toContain('Cue: none');
    await expect(about.getByRole('listitem').allTextContents()).resolves.not.toContain(
      'Priya Nair Remove',
    );
    // The one failed request is the blank statement, refused on purpose.
    expect(errors).toEqual([expect.stringContaining('status of 400 (Bad Request)')]);
    await page.close();
  });

  it('gives a relation a role, a past tense and the claim that states it, kept across a reload', async () => {
    const { page, errors } = await newPage();
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), ARTICLE);
    await page.locator('.review__progress span').waitFor();
    await selectWords(page, "Dana Whitlock, the council's chair");
    await page.locator('#add-speaker').selectOption({ label: 'Dana Whitlock' });
    await page.getByRole('button', { name: 'Add relation from selection' }).click();
    const adding = page.getByRole('form', { name: 'Add relation' });
    await adding.getByRole('combobox', { name: /^Relation/ }).selectOption('leader_of');
    await adding.getByRole('textbox', { name: /^Role/ }).fill('chair');
    await adding.getByRole('checkbox', { name: 'Held in the past, no longer' }).check();
    await adding
      .getByRole('combobox', { name: /^Stated by/ })
      .selectOption({ label: 'Dana Whitlock: “We need another month to read the safety report,”' });
    await adding.getByRole('button', { name: 'Add relation' }).click();
    await adding.waitFor({ state: 'detached' });
    const item = page.locator('.review-item__select', { hasText: 'Dana Whitlock leader of' });
    await item.waitFor();

    await page.reload();
    await item.click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editing = page.getByRole('form', { name: 'Edit relation' });
    await expect(editing.getByRole('textbox', { name: /^Role/ }).inputValue()).resolves.toBe(
      'chair',
    );
    await expect(
      editing.getByRole('checkbox', { name: 'Held in the past, no longer' }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      editing
        .getByRole('combobox', { name: /^Stated by/ })
        .locator('option:checked')
        .textContent(),
    ).resolves.toMatch(/^Dana Whitlock: “We need another month/);
    // Back to the article's own voice, with no role.
    await editing.getByRole('textbox', { name: /^Role/ }).fill('');
    await editing
      .getByRole('combobox', { name: /^Stated by/ })
      .selectOption({ label: 'The article, in its own voice' });
    await page.keyboard.press('Control+Enter');
    await editing.waitFor({ state: 'detached' });
    await item.click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(editing.getByRole('textbox', { name: /^Role/ }).inputValue()).resolves.toBe('');
    await expect(
      editing
        .getByRole('combobox', { name: /^Stated by/ })
        .locator('option:checked')
        .textContent(),
    ).resolves.toBe('The article, in its own voice');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds and removes a claim link and splits an entity by mouse; the editors pass axe in the dark theme', async () => {
    const { page } = await newPage({ colorScheme: 'dark' });
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), ARTICLE);
    await page.locator('.review__progress span').waitFor();
    await page.keyboard.press('e');
    await page.locator('#edit-speaker').selectOption({ label: 'New entity…' });
    await page.getByRole('button', { name: 'Create entity' }).click();
    await page.getByRole('group', { name: 'New entity' }).getByRole('alert').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.review-item__select', { hasText: 'Entity Priya Nair' }).click();
    await page.getByRole('button', { name: 'Merge or split' }).click();
    await selectWords(page, "Dana Whitlock, the council's chair");
    await page.getByRole('button', { name: 'Add relation from selection' }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A claim link, by mouse: a blank reason is refused beside its field; added, then removed.
    await page.locator('.review-item__select').first().click();
    await page.getByRole('button', { name: 'Link to another claim' }).click();
    const linkForm = page.getByRole('form', { name: 'Link claims' });
    await linkForm.getByRole('button', { name: 'Add link' }).click();
    await linkForm.getByRole('alert').waitFor();
    await linkForm.getByLabel('How it bears on the other').selectOption('contradicts');
    await linkForm
      .getByLabel('Why (one sentence)')
      .fill('The chair wants time; the engineer says the report is done.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await linkForm.getByRole('button', { name: 'Add link' }).click();
    const linkItem = page.locator('.review-item__select', { hasText: 'Claim link: contradicts' });
    await linkItem.click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Remove link' }).click();
    await expect.poll(() => linkItem.count(), POLL).toBe(0);

    // Split: Dana Whitlock's mention moves to a new entity; a blank name is refused beside it.
    await page.locator('.review-item__select', { hasText: 'Entity Dana Whitlock' }).click();
    await page.getByRole('button', { name: 'Merge or split' }).click();
    await page.getByLabel('“Dana Whitlock”').check();
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page
      .getByRole('group', { name: /^Split/ })
      .getByRole('alert')
      .waitFor();
    await page.getByLabel('New entity’s name').fill('D. Whitlock');
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await expect
      .poll(
        () =>
          page
            .locator('.review-item__select', { hasText: 'Mention “Dana Whitlock”' })
            .textContent(),
        POLL,
      )
      .toContain('of D. Whitlock');
    await page.close();
  });

  it('the editors fit a phone-width screen', async () => {
    const { page } = await stack.browser.newPage({ width: 390 });
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), ARTICLE);
    await page.locator('.review__progress span').waitFor();
    await page.keyboard.press('e');
    await page.locator('#edit-speaker').selectOption({ label: 'New entity…' });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await page.locator('.review-item__select', { hasText: 'Entity Dana Whitlock' }).click();
    await page.getByRole('button', { name: 'Merge or split' }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.close();
  });

  it("measures reviewing the seed article's extracted draft by keyboard", async () => {
    const { page } = await newPage();
    await signIn(page, site(), 'cy', PASSWORD);
    await openDraftOf(page, site(), readFileSync(SEED_ARTICLE, 'utf8'));
    const progress = page.locator('.review__progress span');
    const current = page.locator('.review-item[aria-current="true"]');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^0 of \d+ reviewed$/);
    const total = Number((await progress.textContent())?.split(' ')[2]);
    const reviewed = async () => Number((await progress.textContent())?.split(' ')[0]);
    let keystrokes = 0;
    const press = async (key: string) => {
      keystrokes += 1;
      await page.keyboard.press(key);
    };
    const started = performance.now();
    // Accept everything, with a few edits on the way: every tenth claim gets its modality
    // changed (e, Tab to the modality, h for hedged, Ctrl+Enter saves).
    let claimsSeen = 0;
    while ((await reviewed()) < total) {
      const before = await reviewed();
      const label = (await current.locator('.review-item__label').textContent()) ?? '';
      if (/^[^“]+: “/.test(label) && ++claimsSeen % 10 === 0) {
        await press('e');
        await page.locator('#edit-speaker').waitFor();
        for (let i = 0; i < 3; i++) await press('Tab'); // kind, channel, then modality
        await press('h'); // "Hedged"
        await press('Control+Enter');
        await page.getByRole('form', { name: 'Edit claim' }).waitFor({ state: 'detached' });
        await expect.poll(reviewed, POLL).toBe(before + 1);
        await press('j');
      } else {
        await press('a');
        await expect.poll(reviewed, POLL).toBe(before + 1);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `keyboard review of the seed draft: ${total} annotations, ${claimsSeen} claims (${Math.floor(claimsSeen / 10)} edited), ${keystrokes} keystrokes, ${seconds.toFixed(1)} s`,
    );
    expect(await reviewed()).toBe(total);
    await page.close();
  });
});
