/**
 * Crash safety: phones vote against the production server, which is killed with SIGKILL at a
 * random moment and started again. Phones whose submission got no answer send the same
 * submission again, as the ballot page does after a network drop. Then, in every run: ballots
 * stored = cards used = submissions acknowledged, and SQLite's integrity check says ok. The runs
 * take turns between a confidence vote, a grade vote and a score-sheet appraisal.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import {
	appraisalRules,
	castBallot,
	firstAdministrator,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	randomBallot,
	submissionNonce,
	type HttpClient
} from './support/http-client';
import { startOwnServer } from './support/server';

const RUNS = 10;
const CARDS = 300;
const CONCURRENT_PHONES = 30;
const KINDS = ['confidence', 'grades', 'scores'] as const;

interface Phone {
	client: HttpClient;
	marks: Record<string, string>;
	nonce: string;
	outcome: 'waiting' | 'acknowledged' | 'no answer';
}

test(`${RUNS} runs killed mid-vote lose no acknowledged ballot and count none twice`, async () => {
	test.setTimeout(180_000);
	const server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	let unanswered = 0;

	for (let run = 1; run <= RUNS; run++) {
		const kind = KINDS[run % KINDS.length]!;
		const sessionId = await prepareSession(organiser, {
			title: `Phiên thử mất điện ${run}`,
			convened: CARDS,
			people: Array.from({ length: 10 }, (_, index) => `Đại biểu số ${index + 1}\tỦy viên`),
			rules: kind === 'confidence' ? undefined : appraisalRules(kind)
		});
		const codes = await issueCards(organiser, sessionId, CARDS);
		await openVoting(organiser, sessionId);
		const phones: Phone[] = await Promise.all(
			codes.map(async (code) => ({
				client: await phoneWithCard(server.origin, code),
				marks: {},
				nonce: submissionNonce(),
				outcome: 'waiting' as const
			}))
		);
		for (const phone of phones) phone.marks = await randomBallot(phone.client);
		const answersPerBallot = Object.keys(phones[0]!.marks).length;

		const queue = [...phones];
		const voting = Promise.all(
			Array.from({ length: CONCURRENT_PHONES }, async () => {
				for (let phone = queue.pop(); phone; phone = queue.pop()) {
					const sent = phone;
					try {
						const reply = await castBallot(sent.client, sent.marks, sent.nonce);
						expect(reply.status, `run ${run}`).toBe(303);
						sent.outcome = 'acknowledged';
					} catch {
						sent.outcome = 'no answer';
						return;
					}
				}
			})
		);
		await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 400));
		await server.kill();
		await voting;
		await server.restart();

		// The phones left without an answer try again with the same submission.
		for (const phone of phones.filter((p) => p.outcome === 'no answer')) {
			unanswered++;
			const retry = await castBallot(phone.client, phone.marks, phone.nonce);
			expect(
				retry.status,
				`run ${run}: a retried submission is acknowledged: ${retry.body.match(/<h1[^>]*>([^<]*)/)?.[1]}`
			).toBe(303);
			phone.outcome = 'acknowledged';
		}
		// Those acknowledged before the kill are still in: the same submission is recognised.
		const acknowledged = phones.filter((p) => p.outcome === 'acknowledged');
		for (const phone of acknowledged.slice(0, 20)) {
			expect((await castBallot(phone.client, phone.marks, phone.nonce)).status).toBe(303);
		}

		const database = new Database(server.databasePath, { readonly: true });
		const count = (sql: string) => (database.prepare(sql).get(sessionId) as { n: number }).n;
		const ballots = count('select count(*) as n from ballot where session_id = ?');
		const usedCards = count(
			"select count(*) as n from credential where session_id = ? and status = 'used'"
		);
		const answers =
			count(
				'select count(*) as n from ballot_choice join ballot on ballot.id = ballot_id where session_id = ?'
			) +
			count(
				'select count(*) as n from score_entry join score_sheet on score_sheet.id = sheet_id where session_id = ?'
			);
		expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
		database.close();
		expect({ ballots, usedCards, answers }, `run ${run}: ${kind}`).toEqual({
			ballots: acknowledged.length,
			usedCards: acknowledged.length,
			answers: acknowledged.length * answersPerBallot
		});
	}
	await server.stop();
	// The kills did land while ballots were in flight.
	expect(unanswered).toBeGreaterThan(0);
});
