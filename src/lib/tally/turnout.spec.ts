import { describe, expect, it } from 'vitest';
import { MIN_BALLOTS_PER_STEP, turnoutPercent, turnoutSteps } from './turnout';

/** The numbers of ballots returned at which the bar moves, for `handedOut` ballots. */
function moves(handedOut: number): number[] {
	const at: number[] = [];
	for (let returned = 1; returned <= handedOut; returned++) {
		if (turnoutSteps(returned, handedOut).step !== turnoutSteps(returned - 1, handedOut).step) {
			at.push(returned);
		}
	}
	return at;
}

describe('turnout on the room’s screen', () => {
	it('moves in tenths from 30 ballots handed out, in fewer steps below', () => {
		expect(turnoutSteps(0, 30)).toEqual({ step: 0, steps: 10 });
		expect(turnoutSteps(3, 30)).toEqual({ step: 1, steps: 10 });
		expect(moves(30)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
		expect(turnoutSteps(0, 29)).toEqual({ step: 0, steps: 9 });
		expect(moves(29)).toEqual([4, 7, 10, 13, 17, 20, 23, 26, 29]);
		expect(moves(10)).toEqual([4, 7, 10]);
		expect(turnoutSteps(100, 1000)).toEqual({ step: 1, steps: 10 });
	});

	it('never moves for one ballot alone, whatever the number handed out', () => {
		for (let handedOut = 0; handedOut <= 200; handedOut++) {
			let previous = 0;
			for (const at of moves(handedOut)) {
				expect(at - previous, `${handedOut} handed out`).toBeGreaterThanOrEqual(
					MIN_BALLOTS_PER_STEP
				);
				previous = at;
			}
		}
	});

	it('shows no bar with no ballot or fewer than three handed out', () => {
		expect(turnoutSteps(0, 0)).toEqual({ step: 0, steps: 0 });
		expect(turnoutSteps(2, 2)).toEqual({ step: 0, steps: 0 });
		expect(turnoutSteps(1, 3)).toEqual({ step: 0, steps: 1 });
		expect(turnoutPercent(turnoutSteps(0, 0))).toBe(0);
	});

	it('reaches the end only when every ballot is back, and never beyond it', () => {
		expect(turnoutSteps(9, 10)).toEqual({ step: 2, steps: 3 });
		expect(turnoutSteps(10, 10)).toEqual({ step: 3, steps: 3 });
		expect(turnoutSteps(29, 30)).toEqual({ step: 9, steps: 10 });
		expect(turnoutSteps(30, 30)).toEqual({ step: 10, steps: 10 });
		// More back than handed out (a session stored with figures that disagree).
		expect(turnoutSteps(12, 10)).toEqual({ step: 3, steps: 3 });
		expect(turnoutPercent({ step: 3, steps: 3 })).toBe(100);
		expect(turnoutPercent({ step: 1, steps: 3 })).toBe(33);
	});
});
