import { describe, expect, it } from 'vitest';
import { QD_41_2021 } from '$lib/tally/presets';
import { createTestDatabase } from './db/testing';
import { draftSession, organiser } from './testing/fixtures';
import {
	closeVoteSession,
	deleteDraftSession,
	findVoteSession,
	listVoteSessions,
	openVoteSession,
	recordAttendance,
	updateVoteSession
} from './vote-sessions';

describe('access to sessions', () => {
	it('shows an organiser only their own sessions, newest first, and an admin all of them', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const bob = await organiser(db, 'bob');
		const admin = await organiser(db, 'admin', 'admin');
		const first = draftSession(db, alice.id);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const second = draftSession(db, alice.id);
		const bobs = draftSession(db, bob.id);

		expect(listVoteSessions(db, alice).map((s) => s.id)).toEqual([second, first]);
		expect(listVoteSessions(db, admin).map((s) => s.id)).toEqual([bobs, second, first]);
		expect(findVoteSession(db, alice, bobs)).toBeUndefined();
		expect(findVoteSession(db, admin, bobs)?.id).toBe(bobs);
	});

	it('reads back the preset copy stored with the session', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { preset: QD_41_2021 });
		expect(findVoteSession(db, alice, id)?.preset).toEqual(QD_41_2021);
	});
});

describe('the draft → open → closed life cycle', () => {
	it('refuses to open without attendance, then without the quorum, stating the numbers', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { convened: 30 });
		expect(openVoteSession(db, id, null)).toEqual({ ok: false, reason: 'no_attendance' });
		recordAttendance(db, id, 19);
		expect(openVoteSession(db, id, null)).toEqual({
			ok: false,
			reason: 'quorum',
			present: 19,
			convened: 30,
			needed: 20
		});
		recordAttendance(db, id, 20);
		expect(openVoteSession(db, id, null)).toEqual({ ok: true });
		expect(findVoteSession(db, alice, id)).toMatchObject({
			state: 'open',
			quorumOverrideReason: null
		});
	});

	it('opens without the quorum only with a recorded reason', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { convened: 30 });
		recordAttendance(db, id, 12);
		expect(openVoteSession(db, id, 'Mưa bão, nhiều đại biểu không đến được')).toEqual({ ok: true });
		expect(findVoteSession(db, alice, id)?.quorumOverrideReason).toBe(
			'Mưa bão, nhiều đại biểu không đến được'
		);
	});

	it('refuses to open with nobody on the ballot', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { subjects: 0 });
		recordAttendance(db, id, 10);
		expect(openVoteSession(db, id, null)).toEqual({ ok: false, reason: 'no_subjects' });
	});

	it('changes details, N and attendance only in draft, and never N below attendance', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { convened: 10 });
		const session = findVoteSession(db, alice, id)!;
		expect(recordAttendance(db, id, 11)).toBe('present_exceeds_convened');
		expect(recordAttendance(db, id, 8)).toBe('ok');
		expect(updateVoteSession(db, id, { ...session, convened: 7 })).toBe('present_exceeds_convened');
		expect(updateVoteSession(db, id, { ...session, convened: 9 })).toBe('ok');
		openVoteSession(db, id, null);
		expect(updateVoteSession(db, id, { ...session, convened: 9 })).toBe('not_draft');
		expect(recordAttendance(db, id, 9)).toBe('not_draft');
		expect(deleteDraftSession(db, id)).toBe(false);
	});

	it('closes once, and only an open session', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id);
		expect(closeVoteSession(db, id)).toBe(false);
		recordAttendance(db, id, 10);
		openVoteSession(db, id, null);
		expect(closeVoteSession(db, id)).toBe(true);
		expect(closeVoteSession(db, id)).toBe(false);
		expect(openVoteSession(db, id, null)).toEqual({ ok: false, reason: 'not_draft' });
	});
});
