/**
 * Secrecy in the logs: during a 500-ballot run (a confidence vote, a grade vote and a score-sheet
 * appraisal at once), with refusals and bad posts mixed in, and cards presented again after the
 * close, everything the server writes (stdout, stderr, any file beside its database) is
 * captured, and not one card code, token, token or code hash, closed card's fingerprint,
 * submission nonce, ballot id, receipt code or choice appears in it.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
	appraisalRules,
	castBallot,
	closeVoting,
	firstAdministrator,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	publishResults,
	randomBallot,
	submissionNonce,
	HttpClient
} from './support/http-client';
import { startOwnServer } from './support/server';

const SESSIONS = [
	{ kind: 'confidence', ballots: 300 },
	{ kind: 'grades', ballots: 100 },
	{ kind: 'scores', ballots: 100 }
] as const;
const BALLOTS = SESSIONS.reduce((sum, session) => sum + session.ballots, 0);
const MARKS = ['high', 'confidence', 'low', 'excellent', 'good', 'completed', 'not_completed'];
const CONCURRENT_PHONES = 25;
/**
 * One phone in this many also sends a malformed ballot before voting and its used card after:
 * sent by every phone, they pushed the run past its three minutes beside the fuzz test.
 */
const REFUSING_EVERY = 10;

test(`nothing about ${BALLOTS} ballots reaches the server's output`, async () => {
	test.setTimeout(180_000);
	const server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	const people = Array.from({ length: 10 }, (_, index) => `Đại biểu số ${index + 1}\tỦy viên`);
	const sessionIds: string[] = [];
	const codes: string[] = [];
	for (const { kind, ballots } of SESSIONS) {
		const sessionId = await prepareSession(organiser, {
			convened: ballots,
			people,
			rules: kind === 'confidence' ? undefined : appraisalRules(kind)
		});
		const sessionCodes = await issueCards(organiser, sessionId, ballots);
		expect(sessionCodes).toHaveLength(ballots);
		await openVoting(organiser, sessionId);
		sessionIds.push(sessionId);
		codes.push(...sessionCodes);
	}

	const database = new Database(server.databasePath, { readonly: true });
	const cardHashes = database
		.prepare('select token_hash, code_hash from credential')
		.raw()
		.all()
		.flat() as string[];

	const nonces: string[] = [];
	const receipts: string[] = [];
	let phones = 0;
	const vote = async (code: string) => {
		const refusals = phones++ % REFUSING_EVERY === 0;
		const phone = await phoneWithCard(server.origin, code);
		const marks = await randomBallot(phone);
		if (refusals) {
			// A malformed ballot (a field for nobody on it): refused, and the card stays unused.
			const malformed = { ...marks, 's.zzzz': 'high' };
			const malformedNonce = submissionNonce();
			nonces.push(malformedNonce);
			expect((await castBallot(phone, malformed, malformedNonce)).status).toBe(400);
		}
		const nonce = submissionNonce();
		nonces.push(nonce);
		const cast = await castBallot(phone, marks, nonce);
		expect(cast.status).toBe(303);
		const done = await phone.get('/v/done');
		const receipt = done.body.match(/class="receipt[^"]*">([0-9A-Z]{4}-[0-9A-Z]{4})</)?.[1];
		expect(receipt).toBeDefined();
		receipts.push(receipt as string);
		// The phone posts again with a fresh nonce: its cookie now holds the receipt, not the card,
		// so it is sent back to the confirmation page and nothing is cast.
		const againNonce = submissionNonce();
		nonces.push(againNonce);
		const again = await castBallot(phone, marks, againNonce);
		expect({ status: again.status, location: again.location }).toEqual({
			status: 303,
			location: '/v/done'
		});
		if (refusals) {
			// A second go with the same card, typed in again: the used card is refused (403).
			expect((await phone.post('/v', { code })).status).toBe(303);
			const secondNonce = submissionNonce();
			nonces.push(secondNonce);
			expect((await castBallot(phone, marks, secondNonce)).status).toBe(403);
		}
	};
	// The three sessions' phones vote at the same time, in no particular order.
	const queue = [...codes].sort(() => Math.random() - 0.5);
	await Promise.all(
		Array.from({ length: CONCURRENT_PHONES }, async () => {
			for (let code = queue.pop(); code; code = queue.pop()) await vote(code);
		})
	);
	// Unknown tokens and codes, and a ballot posted with nonsense.
	const stranger = new HttpClient(server.origin);
	const unknownToken = submissionNonce();
	await stranger.get(`/v/${unknownToken}`);
	await stranger.post('/v/ballot?/cast', { 's.zzzz': 'high', submission: 'x' });
	await stranger.post('/v', { code: 'ZZZZZ-ZZZZZ' });

	const ballotIds = database.prepare('select id from ballot').raw().all().flat() as string[];
	expect(ballotIds).toHaveLength(BALLOTS);
	const sheetIds = database.prepare('select id from score_sheet').raw().all().flat() as string[];
	expect(sheetIds).toHaveLength(SESSIONS[2].ballots * people.length);
	database.close();
	for (const sessionId of sessionIds) {
		await closeVoting(organiser, sessionId);
		await publishResults(organiser, sessionId);
		for (const download of ['results.csv', 'results.json', 'results.xlsx', 'minutes.pdf']) {
			expect((await organiser.get(`/sessions/${sessionId}/${download}`)).status).toBe(200);
		}
	}
	// Cards presented after the close are recognised from what closing kept of them, and told
	// voting has ended: that leaves no trace in the output either.
	for (const code of codes.slice(0, 5)) {
		const late = await phoneWithCard(server.origin, code);
		expect((await late.get('/v/ballot')).status).toBe(403);
	}
	const closed = new Database(server.databasePath, { readonly: true });
	const fingerprints = closed
		.prepare('select fingerprint from closed_card')
		.pluck()
		.all() as string[];
	closed.close();
	expect(fingerprints).toHaveLength(2 * BALLOTS);
	await server.stop();

	const output = server.output();
	// The capture works: the adapter announces where it listens.
	expect(output).toContain(`Listening on ${server.origin}`);
	const secrets = [
		...codes,
		...codes.map((code) => code.replace('-', '')),
		...cardHashes,
		...fingerprints,
		...nonces,
		...ballotIds,
		...sheetIds,
		...receipts,
		unknownToken
	];
	expect(secrets.length).toBeGreaterThan(5 * BALLOTS);
	expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
	for (const mark of MARKS) expect(output).not.toMatch(new RegExp(`\\b${mark}\\b`));
	expect(output).not.toContain('s.');

	// And no file of any kind beside the database.
	const files = readdirSync(dirname(server.databasePath));
	const name = basename(server.databasePath);
	expect(files.filter((file) => ![name, `${name}-wal`, `${name}-shm`].includes(file))).toEqual([]);
});
