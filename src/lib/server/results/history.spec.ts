import { describe, expect, it } from 'vitest';
import { QD_366_2025 } from '$lib/tally/appraisal-presets';
import type { AppDatabase } from '../db';
import { castChoices, issueTestCards, openAppraisal } from '../testing/fixtures';
import {
	closeVoteSession,
	createVoteSession,
	openVoteSession,
	recordAttendance
} from '../sessions/lifecycle';
import { addSubjects } from '../sessions/subjects';
import { personHistory } from './history';

const admin = { id: '', username: '', displayName: '', role: 'admin' as const };

/** Another quarter's grade vote for the same person, left in draft or counted. */
function quarter(
	db: AppDatabase,
	ownerId: string,
	personId: string,
	period: { year: number; quarter: 1 | 2 | 3 | 4 },
	grade: 'completed' | null
): void {
	const id = createVoteSession(db, ownerId, {
		title: `Đánh giá quý ${period.quarter} năm ${period.year}`,
		organisation: 'Chi bộ',
		meetingDate: `${period.year}-12-01`,
		meetingTime: null,
		place: 'Phòng họp',
		convened: 5,
		rules: {
			kind: 'appraisal',
			preset: QD_366_2025,
			mode: 'grades',
			period: { kind: 'quarter', ...period },
			criteria: null
		}
	});
	addSubjects(db, id, [{ fullName: 'Người số 1', jobTitle: 'Chuyên viên' }]);
	db.$client.prepare('update subject set person_id = ? where session_id = ?').run(personId, id);
	if (!grade) return;
	recordAttendance(db, id, 5);
	const [card] = issueTestCards(db, id, 1);
	openVoteSession(db, id, null);
	const subjectId = (
		db.$client.prepare('select id from subject where session_id = ?').get(id) as { id: string }
	).id;
	castChoices(
		db,
		{ kind: 'token', value: card!.token },
		new Map([[subjectId, grade]]),
		'N'.repeat(22)
	);
	closeVoteSession(db, id);
}

describe('personHistory', () => {
	it('opens on the latest year with figures, never on a year of drafts only', async () => {
		const { db, ownerId, sessionId, subjectIds, cards } = await openAppraisal('grades', {
			subjects: 1
		});
		const [subjectId] = subjectIds as [string];
		castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([[subjectId, 'good']]),
			'A'.repeat(22)
		);
		closeVoteSession(db, sessionId);
		const personId = (
			db.$client.prepare('select person_id from subject where id = ?').get(subjectId) as {
				person_id: string;
			}
		).person_id;
		// The next quarter cloned ahead, into the next year, still a draft; and an older year.
		quarter(db, ownerId, personId, { year: 2027, quarter: 1 }, null);
		quarter(db, ownerId, personId, { year: 2025, quarter: 4 }, 'completed');

		const opened = personHistory(db, admin, personId, null);
		expect(opened).toMatchObject({ year: 2026, years: [2026, 2025], units: ['Chi bộ'] });
		expect(opened?.entries).toEqual([
			expect.objectContaining({ state: 'closed', collective: 'good' })
		]);
		expect(personHistory(db, admin, personId, 2025)).toMatchObject({
			year: 2025,
			entries: [expect.objectContaining({ collective: 'completed' })]
		});
		// A year without figures, asked for by address, shows the latest year that has some.
		expect(personHistory(db, admin, personId, 2027)?.year).toBe(2026);
		expect(personHistory(db, admin, personId, 1999)?.year).toBe(2026);
	});

	it('shows the drafts when no year has figures yet', async () => {
		const { db, ownerId, subjectIds } = await openAppraisal('grades', { subjects: 1 });
		const personId = (
			db.$client.prepare('select person_id from subject where id = ?').get(subjectIds[0]) as {
				person_id: string;
			}
		).person_id;
		quarter(db, ownerId, personId, { year: 2027, quarter: 1 }, null);
		expect(personHistory(db, admin, personId, null)).toMatchObject({
			year: 2027,
			years: [2027, 2026]
		});
	});
});
