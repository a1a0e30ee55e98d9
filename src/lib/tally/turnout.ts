/**
 * How much of the turnout the room's screen may show while voting is open. The bar moves in
 * steps, and every step stands for at least MIN_BALLOTS_PER_STEP ballots: ten steps (tenths)
 * once 30 or more ballots are handed out, `⌊handed out / 3⌋` steps below that, and no bar at
 * all below three ballots. So the bar never moves for one ballot alone: with ten cards it moves
 * at the 4th, 7th and 10th ballot (three steps), never at each one, and its position never
 * tells whether one more person has voted. (It still moves when a step fills: whoever watches
 * the screen can time one ballot in three, never each one.)
 *
 * The step is rounded down (`⌊returned × steps / handed out⌋`), so the last step means that
 * every ballot handed out is back; the exact count is shown only once voting has closed.
 */

export const MAX_TURNOUT_STEPS = 10;
export const MIN_BALLOTS_PER_STEP = 3;

export interface TurnoutSteps {
	/** 0 to `steps`. */
	step: number;
	/** How many steps the bar has: 0 when turnout is not shown at all. */
	steps: number;
}

export function turnoutSteps(returned: number, handedOut: number): TurnoutSteps {
	const steps = Math.min(MAX_TURNOUT_STEPS, Math.floor(handedOut / MIN_BALLOTS_PER_STEP));
	if (steps === 0) return { step: 0, steps: 0 };
	const back = Math.min(Math.max(returned, 0), handedOut);
	return { step: Math.floor((back * steps) / handedOut), steps };
}

/** The step as a whole percentage of the bar. */
export function turnoutPercent({ step, steps }: TurnoutSteps): number {
	return steps === 0 ? 0 : Math.round((step * 100) / steps);
}
