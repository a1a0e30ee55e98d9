import { describe, expect, it } from 'vitest';
import { auditTrail } from '../db/audit';
import { findUserByUsername } from '../auth/accounts';
import { completeSetup, pendingAccount } from '../auth/account-setup';
import { attemptLogin } from '../auth/login';
import { createTestDatabase } from '../db/testing';
import { draftSession, organiser } from '../testing/fixtures';
import { closeVoteSession, openVoteSession, recordAttendance } from './lifecycle';
import { issueTestCards } from '../testing/fixtures';
import { publish } from '../results/publication';
import {
	addCommitteeMember,
	createCommitteeAccount,
	isCommitteeMember,
	listCommittee,
	renewCommitteeLink
} from './committee';

const PASSWORD = 'Ban kiểm phiếu chi bộ 3';

async function withMember() {
	const db = createTestDatabase();
	const owner = await organiser(db);
	const sessionId = draftSession(db, owner.id);
	addCommitteeMember(db, sessionId, { fullName: 'Đặng Thị Hồng', roleTitle: 'Trưởng ban' });
	const memberId = listCommittee(db, sessionId)[0]!.id;
	return { db, ownerId: owner.id, sessionId, memberId };
}

describe('a committee account', () => {
	it('is made without a password, with a one-time link for the member, and audited', async () => {
		const { db, ownerId, sessionId, memberId } = await withMember();
		const made = await createCommitteeAccount(db, sessionId, memberId, 'KiemPhieu', ownerId);
		if (!made.ok) throw new Error(made.reason);
		const account = findUserByUsername(db, 'kiemphieu')!;
		expect(account).toMatchObject({ role: 'tally', displayName: 'Đặng Thị Hồng' });
		expect(isCommitteeMember(db, sessionId, account.id)).toBe(true);
		expect(listCommittee(db, sessionId)[0]).toMatchObject({
			username: 'kiemphieu',
			account: 'pending',
			linkExpiresAt: made.expiresAt
		});
		expect(auditTrail(db, sessionId).at(-1)).toMatchObject({
			action: 'committee_account_created',
			detail: 'Đặng Thị Hồng',
			who: 'bithu'
		});
		// Nobody logs in before the member chooses the password, the organiser included.
		const guess = { username: 'kiemphieu', password: '', address: '192.0.2.1' };
		expect(await attemptLogin(db, { ...guess, password: PASSWORD })).toMatchObject({ ok: false });

		expect(await completeSetup(db, made.token, PASSWORD)).toEqual({ userId: account.id });
		expect(listCommittee(db, sessionId)[0]?.account).toBe('active');
		expect(await attemptLogin(db, { ...guess, password: PASSWORD })).toMatchObject({ ok: true });
	});

	it('refuses a second account for the member, and a username already taken', async () => {
		const { db, ownerId, sessionId, memberId } = await withMember();
		await createCommitteeAccount(db, sessionId, memberId, 'kiemphieu', ownerId);
		expect(await createCommitteeAccount(db, sessionId, memberId, 'khac', ownerId)).toEqual({
			ok: false,
			reason: 'has_account'
		});
		addCommitteeMember(db, sessionId, { fullName: 'Vũ Văn Ổn', roleTitle: 'Thành viên' });
		const second = listCommittee(db, sessionId)[1]!.id;
		expect(await createCommitteeAccount(db, sessionId, second, 'bithu', ownerId)).toEqual({
			ok: false,
			reason: 'taken'
		});
		expect(listCommittee(db, sessionId)[1]?.account).toBeNull();
		expect(findUserByUsername(db, 'khac')).toBeUndefined();
	});

	it('gets a new link, replacing the old, only until the member has chosen a password', async () => {
		const { db, ownerId, sessionId, memberId } = await withMember();
		const made = await createCommitteeAccount(db, sessionId, memberId, 'kiemphieu', ownerId);
		if (!made.ok) throw new Error(made.reason);
		const renewed = renewCommitteeLink(db, sessionId, memberId, ownerId);
		if (!renewed.ok) throw new Error(renewed.reason);
		expect(pendingAccount(db, made.token)).toBeNull();
		expect(auditTrail(db, sessionId).at(-1)).toMatchObject({
			action: 'committee_link_renewed',
			detail: 'Đặng Thị Hồng'
		});
		await completeSetup(db, renewed.token, PASSWORD);
		// Now a link would let whoever holds it take the account over.
		expect(renewCommitteeLink(db, sessionId, memberId, ownerId)).toEqual({
			ok: false,
			reason: 'no_pending_link'
		});
	});

	it('is neither made nor given a link once the session is published', async () => {
		const { db, ownerId, sessionId, memberId } = await withMember();
		const made = await createCommitteeAccount(db, sessionId, memberId, 'kiemphieu', ownerId);
		if (!made.ok) throw new Error(made.reason);
		addCommitteeMember(db, sessionId, { fullName: 'Vũ Văn Ổn', roleTitle: 'Thành viên' });
		recordAttendance(db, sessionId, 10);
		issueTestCards(db, sessionId, 2);
		openVoteSession(db, sessionId, null, ownerId);
		closeVoteSession(db, sessionId, ownerId);
		expect(publish(db, sessionId, ownerId)).toEqual({ ok: true });
		// The link died with the account.
		expect(pendingAccount(db, made.token)).toBeNull();
		expect(renewCommitteeLink(db, sessionId, memberId, ownerId)).toEqual({
			ok: false,
			reason: 'published'
		});
		const second = listCommittee(db, sessionId)[1]!.id;
		expect(await createCommitteeAccount(db, sessionId, second, 'muon', ownerId)).toEqual({
			ok: false,
			reason: 'published'
		});
	});
});
