import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/testing';
import { draftSession, organiser } from '../testing/fixtures';
import { displaySession } from './display';
import { sessionById } from './lifecycle';

describe('displaySession', () => {
	it('shows the meeting and where the session stands, never its owner or projector key', async () => {
		const db = createTestDatabase();
		const alice = await organiser(db, 'alice');
		const id = draftSession(db, alice.id);
		expect(displaySession(sessionById(db, id)!)).toEqual({
			id,
			title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
			organisation: 'Đảng ủy xã',
			meetingDate: '2026-11-22',
			meetingTime: '08:30',
			place: 'Hội trường',
			state: 'draft',
			quorumOverrideReason: null,
			published: false
		});
	});
});
