/**
 * Faults of the storage get a clear answer. The database sits on a small filesystem that fills
 * during the vote: a phone's ballot is answered 503 with Retry-After and the review page again,
 * the card stays unused, the organiser's session page says storage is failing, and once space
 * is freed the same submission is recorded exactly once. The same for a database another
 * program keeps locked.
 *
 * A small filesystem is a tmpfs mounted for the test, which needs root (as CI runs): under CI=1
 * a failed mount fails the test; elsewhere the disk-full test is skipped.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	ballotFields,
	castBallot,
	firstAdministrator,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	submissionNonce,
	type HttpClient
} from './support/http-client';
import { startOwnServer, type OwnServer } from './support/server';

const NOT_STORED = 'Máy chủ chưa ghi được phiếu của bạn.';
const WARNING = 'Máy chủ đang không ghi được dữ liệu';

let server: OwnServer | undefined;
let mounted: string | undefined;

test.afterEach(async () => {
	await server?.stop();
	server = undefined;
	if (mounted) {
		execFileSync('umount', [mounted]);
		rmSync(mounted, { recursive: true, force: true });
		mounted = undefined;
	}
});

/** A tmpfs of `size` (e.g. "16m"), or `null` where mounting is not allowed outside CI. */
function smallFilesystem(size: string): string | null {
	const folder = mkdtempSync(join(tmpdir(), 'phieukin-small-disk-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder], {
			stdio: 'pipe'
		});
		mounted = folder;
		return folder;
	} catch (error) {
		rmSync(folder, { recursive: true, force: true });
		const reason = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
		if (process.env.CI) {
			throw new Error(`The disk-full test mounts a tmpfs and must run as root: ${reason}`, {
				cause: error
			});
		}
		return null;
	}
}

/** Writes a file until the filesystem has not one byte left. */
function fill(path: string): void {
	const file = openSync(path, 'w');
	const chunk = Buffer.alloc(1 << 20);
	try {
		for (const size of [1 << 20, 1 << 12, 1]) {
			for (;;) {
				try {
					writeSync(file, chunk, 0, size);
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
					throw error;
				}
			}
		}
	} finally {
		closeSync(file);
	}
}

/** Ballots, used cards and marks stored, and one card's status, read beside the server. */
function stored(databasePath: string, code: string) {
	const database = new Database(databasePath, { readonly: true });
	try {
		const count = (sql: string) => database.prepare(sql).pluck().get() as number;
		const codeHash = createHash('sha256')
			.update(`code:${code.replace('-', '')}`)
			.digest('hex');
		return {
			ballots: count('select count(*) from ballot'),
			used: count("select count(*) from credential where status = 'used'"),
			marks: count('select count(*) from ballot_choice'),
			card: database
				.prepare('select status from credential where code_hash = ?')
				.pluck()
				.get(codeHash) as string
		};
	} finally {
		database.close();
	}
}

/** The ballot sent without JavaScript, with the answer's headers. */
async function sendPlain(phone: HttpClient, marks: Record<string, string>, submission: string) {
	const response = await fetch(`${phone.origin}/v/ballot?/cast`, {
		method: 'POST',
		headers: {
			origin: phone.origin,
			cookie: phone.cookieHeader(),
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ ...marks, submission }),
		redirect: 'manual'
	});
	return { status: response.status, headers: response.headers, body: await response.text() };
}

async function openVote(origin: string, cards: number) {
	const organiser = await firstAdministrator(origin);
	const sessionId = await prepareSession(organiser, {
		convened: cards,
		people: ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư']
	});
	const codes = await issueCards(organiser, sessionId, cards);
	await openVoting(organiser, sessionId);
	const fields = await ballotFields(await phoneWithCard(origin, codes[0]!));
	const marks = Object.fromEntries(fields.map((field) => [field, 'low']));
	return { organiser, sessionId, codes, marks };
}

/** What a ballot that could not be stored is told: 503, a pause, and the same review again. */
function expectNotStored(reply: Awaited<ReturnType<typeof sendPlain>>, submission: string) {
	expect(reply.status).toBe(503);
	expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(reply.body).toContain(NOT_STORED);
	expect(reply.body).toContain('action="?/cast"');
	expect(reply.body).toContain(`name="submission" value="${submission}"`);
}

test('a disk that fills during the vote: 503, nothing lost, recorded once when space is freed', async () => {
	const disk = smallFilesystem('16m');
	test.skip(!disk, 'mounting a tmpfs needs root');
	server = await startOwnServer({ databasePath: join(disk!, 'votes.db') });
	const { organiser, sessionId, codes, marks } = await openVote(server.origin, 3);
	expect(
		(await castBallot(await phoneWithCard(server.origin, codes[0]!), marks, submissionNonce()))
			.status
	).toBe(303);

	const phone = await phoneWithCard(server.origin, codes[1]!);
	const submission = submissionNonce();
	// Empty the log, so that the next commit must grow a file, then leave no byte free.
	const outside = new Database(server.databasePath);
	outside.pragma('wal_checkpoint(TRUNCATE)');
	outside.close();
	fill(join(disk!, 'filler'));

	expectNotStored(await sendPlain(phone, marks, submission), submission);
	expect(stored(server.databasePath, codes[1]!)).toEqual({
		ballots: 1,
		used: 1,
		marks: 2,
		card: 'unused'
	});
	const page = await organiser.get(`/sessions/${sessionId}`);
	expect(page.body).toContain(WARNING);
	expect(page.body).toContain('Ổ đĩa chứa cơ sở dữ liệu đã đầy');
	const health = await fetch(`${server.origin}/healthz`);
	expect(health.status).toBe(503);
	expect(await health.json()).toMatchObject({ status: 'storage failing', fault: 'full' });
	// Any other write is told the same, in words, not "unexpected error".
	const form = await organiser.post('/sessions/new', {
		title: 'Phiên mới',
		organisation: 'Chi bộ',
		meetingDate: '2026-11-24',
		place: 'Hội trường',
		convened: '5',
		kind: 'confidence',
		presetId: 'qd-96-2023'
	});
	expect(form.status).toBe(503);
	expect(form.body).toContain('Chưa lưu được: máy chủ tạm thời không ghi được dữ liệu');

	rmSync(join(disk!, 'filler'));
	const resent = await sendPlain(phone, marks, submission);
	expect(resent.status).toBe(303);
	expect(resent.headers.get('location')).toBe('/v/done');
	expect((await sendPlain(phone, marks, submission)).status).toBe(303);
	expect(stored(server.databasePath, codes[1]!)).toEqual({
		ballots: 2,
		used: 2,
		marks: 4,
		card: 'used'
	});
	const after = await organiser.get(`/sessions/${sessionId}`);
	expect(after.body).not.toContain(WARNING);
	expect(after.body).toContain('2/3');
	expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
});

test('a database another program keeps locked: 503 after the busy timeout, then recorded once', async () => {
	server = await startOwnServer();
	const { organiser, sessionId, codes, marks } = await openVote(server.origin, 2);
	const phone = await phoneWithCard(server.origin, codes[0]!);
	const submission = submissionNonce();
	const other = new Database(server.databasePath);
	other.prepare('begin immediate').run();

	// As ballot.js sends it: the action's JSON answer, 503 too.
	const response = await fetch(`${server.origin}/v/ballot?/cast`, {
		method: 'POST',
		headers: {
			origin: server.origin,
			cookie: phone.cookieHeader(),
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ ...marks, submission })
	});
	expect(response.status).toBe(503);
	expect(response.headers.get('retry-after')).toBe('5');
	expect(await response.json()).toMatchObject({ type: 'failure', status: 503 });
	expect(stored(server.databasePath, codes[0]!)).toMatchObject({ ballots: 0, card: 'unused' });
	const page = await organiser.get(`/sessions/${sessionId}`);
	expect(page.body).toContain(WARNING);
	expect(page.body).toContain('đang giữ khoá ghi');
	expect((await fetch(`${server.origin}/healthz`)).status).toBe(503);

	other.prepare('rollback').run();
	other.close();
	expect((await sendPlain(phone, marks, submission)).status).toBe(303);
	expect(stored(server.databasePath, codes[0]!)).toEqual({
		ballots: 1,
		used: 1,
		marks: 2,
		card: 'used'
	});
	expect((await organiser.get(`/sessions/${sessionId}`)).body).not.toContain(WARNING);
});
