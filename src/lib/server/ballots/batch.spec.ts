import { describe, expect, it } from 'vitest';
import { castBallotSoon } from './batch';
import { openSession } from '../testing/fixtures';

const nonce = (index: number) => `${index}`.padStart(22, 'N');

describe('castBallotSoon', () => {
	it('stores ballots sent together in one go, each with its own outcome', async () => {
		const { db, cards, subjectIds } = await openSession({ cards: 20 });
		const choices = (mark: string) => ({
			kind: 'choices' as const,
			choices: new Map([[subjectIds[0]!, mark]])
		});
		const token = (index: number) => ({ kind: 'token' as const, value: cards[index]!.token });
		const outcomes = await Promise.all([
			...cards.map((_, index) => castBallotSoon(db, token(index), choices('high'), nonce(index))),
			// The same card again in the same batch: the same submission is recognised, another is not.
			castBallotSoon(db, token(0), choices('high'), nonce(0)),
			castBallotSoon(db, token(1), choices('low'), nonce(99)),
			castBallotSoon(db, { kind: 'token', value: 'unknown' }, choices('low'), nonce(98))
		]);
		expect(outcomes.slice(0, 20).every((outcome) => outcome.ok && !outcome.repeated)).toBe(true);
		expect(outcomes[20]).toMatchObject({ ok: true, repeated: true });
		expect(outcomes[21]).toEqual({ ok: false, refusal: 'used' });
		expect(outcomes[22]).toEqual({ ok: false, refusal: 'invalid' });
		const stored = db.$client.prepare('select count(*) as n from ballot').get() as { n: number };
		expect(stored.n).toBe(20);
	});
});
