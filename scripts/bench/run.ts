/**
 * `npm run bench`: builds if needed, then measures in one run, on this machine:
 * - ballots per second, 10-person confidence ballots posted over HTTP as the phone's script
 *   posts them (./phone-cast.ts) to the production server at concurrency 50 (synchronous=FULL), and the same against a bare
 *   node:http + better-sqlite3 stand-in doing the same transaction: the stack's ceiling;
 * - p50 and p99 latency at a steady 500 ballots per second;
 * - the tally of 1,000,000 marks (100,000 ballots × 10 people) from the database;
 * - the voter's ballot page in Chromium: bytes transferred and requests;
 * - the server's peak resident memory;
 * - issuing 1,000 cards (./issue-cards.ts): how long it takes and how long other requests wait
 *   meanwhile, with the cards page's JavaScript and without.
 * Prints a Markdown table, then as its last line one JSON object with the figures.
 */
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale } from '../build-if-stale.js';
import { sessionReport } from '../../src/lib/server/results/count';
import { sessionById } from '../../src/lib/server/sessions/lifecycle';
import { CARDS_PER_ISSUE, measureIssuing, type IssuingFigures } from './issue-cards';
import { PHONE_CAST_PATH, phoneCastAcknowledged, phoneCastRequest } from './phone-cast';
import { seedClosedVote, seedDraftVote, seedOpenVote, SUBJECTS, type VotingSeed } from './seed';

const CONCURRENCY = 50;
const THROUGHPUT_SECONDS = 8;
const STEADY_RATE = 500;
const STEADY_SECONDS = 10;
/** Enough cards for the fastest run the machine could manage, and the steady one. */
const CARDS = 70_000;
const TALLY_BALLOTS = 100_000;
/** Batches of cards issued with the page's JavaScript, and as many without. */
const ISSUE_RUNS = 3;
const MARKS = ['high', 'confidence', 'low'];

const folder = mkdtempSync(join(tmpdir(), 'phieukin-bench-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

function start(script: string, databasePath: string, port: number): Promise<ChildProcess> {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [script], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			BODY_SIZE_LIMIT: '64K'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return new Promise((resolve, reject) => {
		const poll = async () => {
			if (child.exitCode !== null) return reject(new Error(`${script} exited`));
			const up = await fetch(`${origin}/healthz`).catch(() => null);
			if (up) resolve(child);
			else setTimeout(poll, 50);
		};
		void poll();
	});
}

function stop(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** Ballots posted as the phone's script posts them, each with a card of its own. */
async function postBallots(
	port: number,
	seed: VotingSeed,
	options: { seconds: number; rate?: number }
): Promise<{ accepted: number; refused: number; seconds: number; p50: number; p99: number }> {
	const origin = `http://127.0.0.1:${port}`;
	const field = seed.subjectIds.map((id) => `s.${id}`);
	let accepted = 0;
	const result = await autocannon({
		url: origin,
		connections: CONCURRENCY,
		duration: options.seconds,
		overallRate: options.rate,
		amount: undefined,
		requests: [
			{
				method: 'POST',
				path: PHONE_CAST_PATH,
				setupRequest: (request) => {
					const token = seed.tokens.pop();
					if (!token) throw new Error('the benchmark ran out of cards');
					const marks = field.map(
						(name) => [name, MARKS[Math.floor(Math.random() * 3)] as string] as const
					);
					const submission = randomBytes(16).toString('base64url');
					return { ...request, ...phoneCastRequest(origin, token, marks, submission) };
				},
				onResponse: (status, body) => {
					if (phoneCastAcknowledged(status, body)) accepted++;
				}
			}
		]
	});
	return {
		accepted,
		refused: result.requests.total - accepted,
		seconds: result.duration,
		p50: result.latency.p50,
		p99: result.latency.p99
	};
}

function peakResidentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kilobytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
	return kilobytes / 1024;
}

async function voterPage(port: number, token: string) {
	const origin = `http://127.0.0.1:${port}`;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await context.addCookies([{ name: 'phieukin_card', value: `t.${token}`, url: `${origin}/v` }]);
	const page = await context.newPage();
	const finished: Promise<number>[] = [];
	page.on('requestfinished', (request) =>
		finished.push(
			request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)
		)
	);
	const response = await page.goto(`${origin}/v/ballot`, { waitUntil: 'networkidle' });
	if (response?.status() !== 200) throw new Error(`ballot page answered ${response?.status()}`);
	const sizes = await Promise.all(finished);
	await browser.close();
	return { bytes: sizes.reduce((sum, size) => sum + size, 0), requests: sizes.length };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Batches of 1,000 cards issued on a server of their own, the median of each figure. */
async function issuingCards(port: number) {
	const { sessionId, cookie } = await seedDraftVote(
		join(folder, 'issue.db'),
		2 * ISSUE_RUNS * CARDS_PER_ISSUE
	);
	const server = await start('build/index.js', join(folder, 'issue.db'), port);
	const origin = `http://127.0.0.1:${port}`;
	const cardsPage = `/sessions/${sessionId}/cards`;
	// The page's modules load on its first request: not part of issuing.
	await fetch(`${origin}${cardsPage}`, { headers: { cookie } }).then((page) => page.text());
	const runs: Record<'script' | 'plain', IssuingFigures[]> = { script: [], plain: [] };
	for (let run = 0; run < ISSUE_RUNS; run++) {
		runs.script.push(await measureIssuing(origin, cardsPage, cookie, true));
		runs.plain.push(await measureIssuing(origin, cardsPage, cookie, false));
	}
	await stop(server);
	const summary = (figures: IssuingFigures[]) => ({
		ms: Math.round(median(figures.map((figure) => figure.issueMs))),
		waitMs: Math.round(median(figures.map((figure) => figure.otherMaxMs))),
		bytes: median(figures.map((figure) => figure.answerBytes))
	});
	return { script: summary(runs.script), plain: summary(runs.plain) };
}

async function main() {
	buildIfStale();
	log('Seeding…');
	const appSeed = await seedOpenVote(join(folder, 'app.db'), CARDS);
	const standInSeed = await seedOpenVote(join(folder, 'standin.db'), CARDS);
	const voterToken = appSeed.tokens.shift() as string;

	log('App: ballots per second at concurrency 50…');
	const app = await start('build/index.js', join(folder, 'app.db'), 4601);
	const throughput = await postBallots(4601, appSeed, { seconds: THROUGHPUT_SECONDS });
	log(`App: steady ${STEADY_RATE} ballots per second…`);
	const steady = await postBallots(4601, appSeed, { seconds: STEADY_SECONDS, rate: STEADY_RATE });
	log('Voter page in Chromium…');
	const page = await voterPage(4601, voterToken);
	const rss = peakResidentMegabytes(app.pid as number);
	await stop(app);

	log('Stand-in: ballots per second at concurrency 50, then steady…');
	const standIn = await start('scripts/bench/standin.js', join(folder, 'standin.db'), 4602);
	const ceiling = await postBallots(4602, standInSeed, { seconds: THROUGHPUT_SECONDS });
	const ceilingSteady = await postBallots(4602, standInSeed, {
		seconds: STEADY_SECONDS,
		rate: STEADY_RATE
	});
	await stop(standIn);

	log('Tally of 1,000,000 marks…');
	const { db, sessionId } = await seedClosedVote(join(folder, 'tally.db'), TALLY_BALLOTS);
	const session = sessionById(db, sessionId);
	if (!session) throw new Error('tally session missing');
	const tallyTimes: number[] = [];
	for (let run = 0; run < 5; run++) {
		const started = performance.now();
		const report = sessionReport(db, session);
		tallyTimes.push(performance.now() - started);
		if (report.kind !== 'confidence' || report.totals.returned !== TALLY_BALLOTS) {
			throw new Error('the tally did not count every ballot');
		}
	}
	db.$client.close();

	log(`Issuing ${CARDS_PER_ISSUE} cards while other requests arrive…`);
	const issuing = await issuingCards(4603);
	rmSync(folder, { recursive: true, force: true });

	const figures = {
		ballots_per_s: Math.round(throughput.accepted / throughput.seconds),
		standin_ballots_per_s: Math.round(ceiling.accepted / ceiling.seconds),
		ratio: 0,
		p50_ms_at_500: steady.p50,
		p99_ms_at_500: steady.p99,
		tally_1m_marks_ms: Math.round(median(tallyTimes)),
		voter_page_bytes: page.bytes,
		voter_page_requests: page.requests,
		rss_mb: Math.round(rss),
		issue_1000_ms: issuing.script.ms,
		issue_1000_wait_ms: issuing.script.waitMs,
		issue_1000_nojs_ms: issuing.plain.ms,
		issue_1000_nojs_wait_ms: issuing.plain.waitMs,
		issue_1000_bytes: issuing.script.bytes,
		issue_1000_nojs_bytes: issuing.plain.bytes
	};
	figures.ratio = Math.round((figures.ballots_per_s / figures.standin_ballots_per_s) * 100) / 100;
	const refused = throughput.refused + steady.refused + ceiling.refused + ceilingSteady.refused;

	const rows: [string, string, string][] = [
		['ballots/s, app, concurrency 50', String(figures.ballots_per_s), '≥ 3,000'],
		['ballots/s, stand-in (node:http + better-sqlite3)', String(figures.standin_ballots_per_s), ''],
		['ratio app / stand-in', String(figures.ratio), '≥ 0.8'],
		[`p50 latency at ${STEADY_RATE}/s (ms)`, String(figures.p50_ms_at_500), ''],
		[`p99 latency at ${STEADY_RATE}/s (ms)`, String(figures.p99_ms_at_500), '≤ 50'],
		[
			`stand-in p50 / p99 at ${STEADY_RATE}/s (ms)`,
			`${ceilingSteady.p50} / ${ceilingSteady.p99}`,
			''
		],
		['tally of 1,000,000 marks (ms, median of 5)', String(figures.tally_1m_marks_ms), '< 500'],
		['voter page, bytes transferred', String(figures.voter_page_bytes), '≤ 30,720'],
		['voter page, requests', String(figures.voter_page_requests), '≤ 4'],
		['server peak RSS (MB)', String(figures.rss_mb), '≤ 150'],
		['issuing 1,000 cards, with JavaScript (ms)', String(figures.issue_1000_ms), ''],
		['longest wait of another request meanwhile (ms)', String(figures.issue_1000_wait_ms), '≤ 100'],
		['issuing 1,000 cards, without JavaScript (ms)', String(figures.issue_1000_nojs_ms), ''],
		[
			'longest wait of another request meanwhile (ms)',
			String(figures.issue_1000_nojs_wait_ms),
			'≤ 100'
		],
		[
			'answer with 1,000 cards, with / without JavaScript (bytes)',
			`${figures.issue_1000_bytes} / ${figures.issue_1000_nojs_bytes}`,
			''
		]
	];
	console.log(
		`Phiếu Kín benchmark · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · Node ${process.version}`
	);
	console.log(`${SUBJECTS} people per ballot; refused posts: ${refused}\n`);
	console.log('| measure | value | target |\n| --- | ---: | ---: |');
	for (const [name, value, target] of rows) console.log(`| ${name} | ${value} | ${target} |`);
	console.log(JSON.stringify(figures));
}

await main();
