import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime.js';
import { ND_335_2025 } from '$lib/tally/appraisal-presets';
import { QD_41_2021, QD_96_2023 } from '$lib/tally/presets';
import { DEFAULT_CRITERIA } from '$lib/tally/score-template';
import { periodText } from '$lib/wording';
import type { Period } from '$lib/periods';
import { subject, voteSession } from '../db/schema';
import { addSubjects, listSubjects, type SubjectInput } from './subjects';
import { createTestDatabase } from '../db/testing';
import { draftSession, issueTestCards, organiser } from '../testing/fixtures';
import { voidCardByCode } from '../cards/ballot-cards';
import {
	cloneForNextPeriod,
	closeVoteSession,
	createVoteSession,
	deleteDraftSession,
	findVoteSession,
	listVoteSessions,
	openVoteSession,
	recordAttendance,
	updateVoteSession
} from './lifecycle';

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
		expect(findVoteSession(db, alice, id)?.rules).toEqual({
			kind: 'confidence',
			preset: QD_41_2021
		});
	});
});

describe('the draft → open → closed life cycle', () => {
	it('refuses to open without attendance, then below QĐ 96’s binding quorum whatever the reason, stating the numbers', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { convened: 30 });
		expect(openVoteSession(db, id, null)).toEqual({ ok: false, reason: 'no_attendance' });
		recordAttendance(db, id, 19);
		const refused = {
			ok: false,
			reason: 'quorum_binding',
			present: 19,
			convened: 30,
			needed: 20
		};
		expect(openVoteSession(db, id, null)).toEqual(refused);
		expect(openVoteSession(db, id, 'Nhiều đại biểu đi công tác')).toEqual(refused);
		recordAttendance(db, id, 20);
		expect(openVoteSession(db, id, null)).toEqual({ ok: true });
		expect(findVoteSession(db, alice, id)).toMatchObject({
			state: 'open',
			quorumOverrideReason: null
		});
	});

	it('opens below an advisory quorum only with a recorded reason', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const advisory = {
			...QD_96_2023,
			id: 'custom',
			quorum: { ...QD_96_2023.quorum!, binding: false }
		};
		const id = draftSession(db, alice.id, { convened: 30, preset: advisory });
		recordAttendance(db, id, 12);
		expect(openVoteSession(db, id, null)).toMatchObject({
			ok: false,
			reason: 'quorum',
			needed: 20
		});
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

	it('never lowers N below the ballots already handed out', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id, { convened: 10 });
		const session = findVoteSession(db, alice, id)!;
		const cards = issueTestCards(db, id, 9);
		voidCardByCode(db, id, cards[0]!.code);
		expect(updateVoteSession(db, id, { ...session, convened: 7 })).toBe(
			'handed_out_exceeds_convened'
		);
		expect(findVoteSession(db, alice, id)?.convened).toBe(10);
		expect(updateVoteSession(db, id, { ...session, convened: 8 })).toBe('ok');
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

describe('cloneForNextPeriod', () => {
	const titles = (period: Period) => locales.map((locale) => periodText(period, locale));

	/** An appraisal of Q4 2026 (or `period`) by score sheets, with two people. */
	async function quarterly(
		period: Period = { kind: 'quarter', year: 2026, quarter: 4 },
		people: SubjectInput[] = [
			{ fullName: 'An', jobTitle: 'Trưởng phòng' },
			{ fullName: 'Bình', jobTitle: '' }
		]
	) {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = createVoteSession(db, alice.id, {
			title: 'Đánh giá, xếp loại chất lượng quý IV năm 2026',
			organisation: 'Chi bộ',
			meetingDate: '2026-12-20',
			meetingTime: null,
			place: 'Phòng họp',
			convened: 4,
			rules: {
				kind: 'appraisal',
				preset: ND_335_2025,
				mode: 'scores',
				period,
				criteria: DEFAULT_CRITERIA.map((criterion) => ({ ...criterion }))
			}
		});
		addSubjects(db, id, people);
		const clone = (from = id, date = '2027-03-25') =>
			cloneForNextPeriod(db, findVoteSession(db, alice, from)!, alice.id, date, titles);
		return { db, alice, id, clone };
	}

	it('copies people (as the same persons), mode, criteria and rules into the next quarter', async () => {
		const { db, alice, id, clone: cloneNow } = await quarterly();
		recordAttendance(db, id, 4);
		const cloned = cloneNow();
		if (!cloned.ok) throw new Error(`not cloned: ${cloned.reason}`);
		const clone = findVoteSession(db, alice, cloned.id)!;
		expect(clone).toMatchObject({
			title: 'Đánh giá, xếp loại chất lượng quý I năm 2027',
			meetingDate: '2027-03-25',
			present: null,
			state: 'draft',
			rules: {
				kind: 'appraisal',
				mode: 'scores',
				period: { kind: 'quarter', year: 2027, quarter: 1 },
				criteria: DEFAULT_CRITERIA
			}
		});
		const before = listSubjects(db, id);
		const after = listSubjects(db, cloned.id);
		expect(after.map((s) => [s.fullName, s.position, s.personId])).toEqual(
			before.map((s) => [s.fullName, s.position, s.personId])
		);
		expect(after.map((s) => s.id)).not.toEqual(before.map((s) => s.id));
	});

	it('carries each person’s duty group, not what belongs to the period', async () => {
		const { db, id, clone } = await quarterly(undefined, [
			{
				fullName: 'An',
				jobTitle: 'Trưởng phòng',
				dutyGroup: 'Lãnh đạo',
				selfScore: 9250,
				selfGrade: 'excellent'
			},
			{
				fullName: 'Bình',
				jobTitle: '',
				dutyGroup: 'Chuyên môn',
				selfScore: 8000,
				selfGrade: 'good'
			}
		]);
		db.update(subject)
			.set({
				// Recorded for this quarter (the record's other facts do not matter here).
				conditions: { completed: 100, onTime: 100, exceeded: 40 },
				proposedGrade: 'excellent',
				finalGrade: 'excellent',
				finalReason: 'Đã xác nhận'
			})
			.where(eq(subject.sessionId, id))
			.run();
		const cloned = clone();
		if (!cloned.ok) throw new Error(`not cloned: ${cloned.reason}`);
		expect(
			listSubjects(db, cloned.id).map(
				({
					fullName,
					dutyGroup,
					selfScore,
					selfGrade,
					conditions,
					proposedGrade,
					finalGrade,
					finalReason
				}) => ({
					fullName,
					dutyGroup,
					rest: [selfScore, selfGrade, conditions, proposedGrade, finalGrade, finalReason]
				})
			)
		).toEqual([
			{ fullName: 'An', dutyGroup: 'Lãnh đạo', rest: [null, null, null, null, null, null] },
			{ fullName: 'Bình', dutyGroup: 'Chuyên môn', rest: [null, null, null, null, null, null] }
		]);
	});

	it('refuses a second clone into the same quarter, naming the first', async () => {
		const { db, alice, clone } = await quarterly();
		const first = clone();
		if (!first.ok) throw new Error('first clone refused');
		expect(clone(undefined, '2027-03-30')).toEqual({
			ok: false,
			reason: 'exists',
			existing: { id: first.id, title: 'Đánh giá, xếp loại chất lượng quý I năm 2027' }
		});
		expect(listVoteSessions(db, alice)).toHaveLength(2);
	});

	it('still refuses once the first clone is renamed, since it holds the same persons', async () => {
		const { db, clone } = await quarterly();
		const first = clone();
		if (!first.ok) throw new Error('first clone refused');
		db.update(voteSession).set({ title: 'Quý I' }).where(eq(voteSession.id, first.id)).run();
		expect(clone()).toMatchObject({ ok: false, existing: { id: first.id } });
	});

	it('refuses a twin of an empty list by its owner, organisation and title', async () => {
		const { clone } = await quarterly(undefined, []);
		const first = clone();
		expect(first.ok).toBe(true);
		expect(clone()).toMatchObject({ ok: false, reason: 'exists' });
	});

	it('allows another appraisal of that quarter with other people, and the clone of a clone', async () => {
		const { db, alice, clone } = await quarterly();
		// Another unit's appraisal of Q1 2027, its list typed afresh.
		const other = createVoteSession(db, alice.id, {
			title: 'Đánh giá công chức quý I năm 2027',
			organisation: 'Văn phòng',
			meetingDate: '2027-03-20',
			meetingTime: null,
			place: 'Phòng họp',
			convened: 3,
			rules: {
				kind: 'appraisal',
				preset: ND_335_2025,
				mode: 'grades',
				period: { kind: 'quarter', year: 2027, quarter: 1 },
				criteria: null
			}
		});
		addSubjects(db, other, [{ fullName: 'An', jobTitle: 'Trưởng phòng' }]);
		const first = clone();
		if (!first.ok) throw new Error('first clone refused');
		const second = clone(first.id, '2027-06-25');
		expect(second.ok).toBe(true);
		expect(listVoteSessions(db, alice)).toHaveLength(4);
	});

	it('does not clone a term, which has no next period', async () => {
		const { db, alice, clone } = await quarterly({ kind: 'term', label: '2025–2030' });
		expect(clone()).toEqual({ ok: false, reason: 'no_next_period' });
		expect(listVoteSessions(db, alice)).toHaveLength(1);
	});

	it('does not clone a confidence vote', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id);
		expect(
			cloneForNextPeriod(db, findVoteSession(db, alice, id)!, alice.id, '2027-01-01', () => [])
		).toEqual({ ok: false, reason: 'not_appraisal' });
	});
});
