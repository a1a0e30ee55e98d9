import { describe, expect, it } from 'vitest';
import { checkIssuing, suggestedIssue } from './issuing';

describe('checkIssuing', () => {
	it('refuses more ballots than people convened, saying how many remain, even with a reason', () => {
		const figures = { convened: 5, present: 3, handedOut: 0 };
		expect(checkIssuing(figures, 8, true)).toEqual({
			ok: false,
			reason: 'beyond_convened',
			convened: 5,
			handedOut: 0,
			remaining: 5
		});
		expect(checkIssuing({ ...figures, handedOut: 5 }, 6, true)).toMatchObject({ remaining: 0 });
		expect(checkIssuing({ ...figures, present: null }, 5, false)).toEqual({
			ok: true,
			beyondPresent: false
		});
	});

	it('asks for a reason beyond the people present, at the edge and past it', () => {
		const figures = { convened: 5, present: 3, handedOut: 2 };
		expect(checkIssuing(figures, 3, false)).toEqual({ ok: true, beyondPresent: false });
		expect(checkIssuing(figures, 4, false)).toEqual({
			ok: false,
			reason: 'beyond_present',
			present: 3,
			after: 4
		});
		expect(checkIssuing(figures, 4, true)).toEqual({ ok: true, beyondPresent: true });
		expect(checkIssuing({ ...figures, present: 0, handedOut: 0 }, 1, false)).toMatchObject({
			reason: 'beyond_present'
		});
	});

	it('never refuses fewer ballots, whatever the figures already are', () => {
		// Stored before the ceilings existed: 8 handed out for 5 convened and 3 present.
		const figures = { convened: 5, present: 3, handedOut: 8 };
		expect(checkIssuing(figures, 7, false)).toEqual({ ok: true, beyondPresent: false });
		expect(checkIssuing(figures, 8, false)).toEqual({ ok: true, beyondPresent: false });
		expect(checkIssuing(figures, 9, true)).toMatchObject({
			reason: 'beyond_convened',
			remaining: 0
		});
	});
});

describe('suggestedIssue', () => {
	it('offers one ballot per person present without one, and none once they all have one', () => {
		expect(suggestedIssue({ convened: 5, present: 3, handedOut: 0 })).toBe(3);
		expect(suggestedIssue({ convened: 5, present: 3, handedOut: 2 })).toBe(1);
		expect(suggestedIssue({ convened: 5, present: 3, handedOut: 3 })).toBe(0);
		expect(suggestedIssue({ convened: 5, present: 3, handedOut: 4 })).toBe(0);
	});

	it('offers everyone convened before attendance is recorded, never more', () => {
		expect(suggestedIssue({ convened: 5, present: null, handedOut: 0 })).toBe(5);
		expect(suggestedIssue({ convened: 5, present: null, handedOut: 5 })).toBe(0);
		expect(suggestedIssue({ convened: 5, present: null, handedOut: 8 })).toBe(0);
	});
});
