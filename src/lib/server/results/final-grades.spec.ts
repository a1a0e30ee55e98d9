/**
 * The organiser's records that shape an appraisal's grades: conditions, a recorded cap rate and
 * confirmed final grades, under NĐ 335 (cap of 20 % per duty group) with two duty groups.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ConditionRecord } from '$lib/tally/conditions';
import { subject, voteSession } from '../db/schema';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';
import { castScores, openAppraisal } from '../testing/fixtures';
import { sessionReport, type AppraisalReport } from './count';
import {
	confirmCollectiveGrades,
	recordCapRate,
	recordConditions,
	recordGrades,
	type OrganiserGrades
} from './grades';
import { publish } from './publication';

const admin = { id: '', username: '', displayName: '', role: 'admin' as const };
const CLEAN: ConditionRecord = {
	completed: 100,
	onTime: 100,
	exceeded: 40,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false
};

/** Kế toán: 95, 92 and five of 80; Văn thư: 93 and 80. One score sheet each. */
const PEOPLE = [
	['k1', 'Kế toán', 95],
	['k2', 'Kế toán', 92],
	['k3', 'Kế toán', 80],
	['k4', 'Kế toán', 80],
	['k5', 'Kế toán', 80],
	['k6', 'Kế toán', 80],
	['k7', 'Kế toán', 80],
	['v1', 'Văn thư', 93],
	['v2', 'Văn thư', 80]
] as const;
type Name = (typeof PEOPLE)[number][0];

async function twoGroups(options: { record?: boolean; rate?: number } = {}) {
	const { db, sessionId, cards, subjectIds, ownerId } = await openAppraisal('scores', {
		subjects: PEOPLE.length
	});
	const id = Object.fromEntries(
		PEOPLE.map(([name], index) => [name, subjectIds[index]!])
	) as Record<Name, string>;
	PEOPLE.forEach(([name, group]) =>
		db.update(subject).set({ dutyGroup: group }).where(eq(subject.id, id[name])).run()
	);
	// 30 general points at most, 70 for tasks: in half points.
	const sheets = Object.fromEntries(
		PEOPLE.map(([name, , score]) => [id[name], { g: 60, t: 2 * (score - 30) }])
	);
	castScores(db, { kind: 'token', value: cards[0]!.token }, sheets, 'N'.repeat(22));
	closeVoteSession(db, sessionId);
	const session = () => findVoteSession(db, admin, sessionId)!;
	if (options.rate)
		expect(recordCapRate(db, session(), null, { percent: options.rate, document: 'CV 12' })).toBe(
			'ok'
		);
	if (options.record !== false)
		for (const [name] of PEOPLE) recordConditions(db, session(), null, id[name], CLEAN);
	const report = () => {
		const current = sessionReport(db, session());
		if (current.kind !== 'appraisal') throw new Error('an appraisal');
		return current;
	};
	const gradeOf = (r: AppraisalReport, name: Name) =>
		r.rows.find((row) => row.subject.id === id[name]);
	const final = (
		name: Name,
		finalGrade: OrganiserGrades['finalGrade'],
		finalReason = null as string | null
	) =>
		recordGrades(db, session(), id[name], {
			selfGrade: null,
			proposedGrade: null,
			finalGrade,
			finalReason
		});
	return { db, sessionId, ownerId, id, session, report, gradeOf, final };
}

describe('the cap per duty group on an appraisal', () => {
	it('counts each group on its own', async () => {
		const { report, gradeOf } = await twoGroups();
		const r = report();
		// Kế toán: ⌊(5 + 2) / 6⌋ = 1 kept (95), 92 moved. Văn thư: ⌊(1 + 1) / 6⌋ = 0: 93 moved.
		expect(r.cap.groups.map((g) => [g.group, g.allowed, g.candidates, g.goodBefore])).toEqual([
			['Kế toán', 1, 2, 5],
			['Văn thư', 0, 1, 1]
		]);
		expect(['k1', 'k2', 'v1'].map((name) => gradeOf(r, name as Name)?.capped)).toEqual([
			'excellent',
			'good',
			'good'
		]);
		expect(r.cap.breaches).toEqual([]);
	});

	it('refuses final grades that break the cap in a group, with the numbers, changing nothing', async () => {
		const { final, report, gradeOf } = await twoGroups();
		expect(final('k2', 'excellent', 'Thành tích nổi bật trong quý')).toEqual({
			refusal: 'cap',
			breaches: [{ group: 'Kế toán', excellent: 2, good: 5, allowed: 1 }]
		});
		expect(final('v1', 'excellent', 'Thành tích nổi bật trong quý')).toEqual({
			refusal: 'cap',
			breaches: [{ group: 'Văn thư', excellent: 1, good: 1, allowed: 0 }]
		});
		expect(gradeOf(report(), 'k2')?.subject.finalGrade).toBeNull();
		// Lowering a grade in the group keeps the cap: accepted.
		expect(final('k3', 'completed', 'Chậm tiến độ hai nhiệm vụ')).toBe('ok');
	});

	it('confirms the collective result of both groups, which keeps the cap', async () => {
		const { db, session, report } = await twoGroups();
		expect(confirmCollectiveGrades(db, session())).toEqual({ confirmed: 9 });
		expect(report().cap.breaches).toEqual([]);
	});

	it('lets an unmet condition free a place: 95 with discipline is not completed, 92 stays excellent', async () => {
		const { db, session, id, report, gradeOf } = await twoGroups();
		expect(recordConditions(db, session(), null, id.k1, { ...CLEAN, discipline: true })).toBe('ok');
		const r = report();
		expect(gradeOf(r, 'k1')).toMatchObject({ collective: 'excellent', capped: 'not_completed' });
		expect(gradeOf(r, 'k1')?.conditional?.caps.map((cap) => cap.kind)).toEqual(['no_finding']);
		expect(gradeOf(r, 'k2')?.capped).toBe('excellent');
	});
});

describe('conditions not yet recorded', () => {
	it('hold back every confirmation in that person’s group, not the other group', async () => {
		const { db, session, id, final } = await twoGroups({ record: false });
		for (const [name, group] of PEOPLE)
			if (group === 'Kế toán') recordConditions(db, session(), null, id[name], CLEAN);
		recordConditions(db, session(), null, id.v1, CLEAN);
		// v2 is pending: v1's grade could still change through the cap, so it is not final.
		expect(final('v1', 'good')).toBe('conditions_pending');
		expect(confirmCollectiveGrades(db, session())).toEqual({ confirmed: 7 });
		// Kế toán's grades are confirmed: its facts can no longer move silently under them.
		expect(recordConditions(db, session(), null, id.k3, { ...CLEAN, onTime: 50 })).toBe(
			'finals_confirmed'
		);
		expect(recordConditions(db, session(), null, id.v2, CLEAN)).toBe('ok');
		expect(final('v1', 'good')).toBe('ok');
	});

	it('refuses a record that does not hold together, and any record once published', async () => {
		const { db, session, id, sessionId, ownerId } = await twoGroups();
		expect(recordConditions(db, session(), null, id.k1, { ...CLEAN, onTime: 101 })).toBe('invalid');
		expect(recordConditions(db, session(), null, id.k1, { ...CLEAN, completed: 90 })).toBe(
			'invalid'
		);
		confirmCollectiveGrades(db, session());
		expect(publish(db, sessionId, ownerId)).toEqual({ ok: true });
		expect(recordConditions(db, session(), null, id.k1, null)).toBe('published');
	});
});

describe('a rate recorded by the competent level', () => {
	it('raises the cap with its document: 40 % keeps both of Kế toán’s candidates', async () => {
		const { report, gradeOf, final } = await twoGroups({ rate: 40 });
		const r = report();
		expect(r.cap.ratio).toEqual({ numerator: 40, denominator: 100 });
		expect(r.cap.recordedRate).toEqual({ percent: 40, document: 'CV 12' });
		// ⌊40 × 7 / 140⌋ = 2.
		expect(gradeOf(r, 'k2')?.capped).toBe('excellent');
		// Văn thư: ⌊40 × 2 / 140⌋ = 0 still: v1 may not be excellent beside one good.
		expect(final('v1', 'excellent', 'Thành tích nổi bật trong quý')).toEqual({
			refusal: 'cap',
			breaches: [{ group: 'Văn thư', excellent: 1, good: 1, allowed: 0 }]
		});
	});

	it('must be higher than the preset’s and name its document; fixed once a grade is confirmed', async () => {
		const { db, session } = await twoGroups();
		expect(recordCapRate(db, session(), null, { percent: 20, document: 'CV 12' })).toBe(
			'not_higher'
		);
		expect(recordCapRate(db, session(), null, { percent: 101, document: 'CV 12' })).toBe(
			'not_higher'
		);
		expect(recordCapRate(db, session(), null, { percent: 30, document: '  ' })).toBe(
			'document_required'
		);
		expect(recordCapRate(db, session(), null, { percent: 30, document: 'CV 12' })).toBe('ok');
		confirmCollectiveGrades(db, session());
		expect(recordCapRate(db, session(), null, null)).toBe('finals_confirmed');
	});
});

describe('publishing an appraisal', () => {
	it('is refused while confirmed grades break the cap (stored before the check existed)', async () => {
		const { db, sessionId, ownerId, id, session } = await twoGroups();
		confirmCollectiveGrades(db, session());
		// A session confirmed before December 2026 could hold this: two excellent beside five good.
		db.update(subject).set({ finalGrade: 'excellent' }).where(eq(subject.id, id.k2)).run();
		expect(publish(db, sessionId, ownerId)).toEqual({
			ok: false,
			reason: 'cap',
			breaches: [{ group: 'Kế toán', excellent: 2, good: 5, allowed: 1 }]
		});
		const stored = db.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
		expect(stored?.publishedAt).toBeNull();
	});
});
